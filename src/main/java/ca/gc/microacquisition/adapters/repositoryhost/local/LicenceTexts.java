package ca.gc.microacquisition.adapters.repositoryhost.local;

import java.time.Year;
import java.util.Map;

/** Licence files for new local repositories. */
final class LicenceTexts {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("Apache-2.0", "Apache License, Version 2.0"),
            Map.entry("BSD-2-Clause", "BSD 2-Clause \"Simplified\" License"),
            Map.entry("BSD-3-Clause", "BSD 3-Clause \"New\" or \"Revised\" License"),
            Map.entry("GPL-3.0-only", "GNU General Public License, version 3 only"),
            Map.entry("GPL-3.0-or-later", "GNU General Public License, version 3 or any later version"),
            Map.entry("LGPL-3.0-only", "GNU Lesser General Public License, version 3 only"),
            Map.entry("LGPL-3.0-or-later", "GNU Lesser General Public License, version 3 or any later version"),
            Map.entry("AGPL-3.0-only", "GNU Affero General Public License, version 3 only"),
            Map.entry("AGPL-3.0-or-later", "GNU Affero General Public License, version 3 or any later version"),
            Map.entry("MPL-2.0", "Mozilla Public License, version 2.0"),
            Map.entry("EPL-2.0", "Eclipse Public License, version 2.0"),
            Map.entry("ISC", "ISC License"),
            Map.entry("Unlicense", "The Unlicense"));

    private static final String MIT = """
            MIT License

            Copyright (c) %d %s

            Permission is hereby granted, free of charge, to any person obtaining a copy
            of this software and associated documentation files (the "Software"), to deal
            in the Software without restriction, including without limitation the rights
            to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
            copies of the Software, and to permit persons to whom the Software is
            furnished to do so, subject to the following conditions:

            The above copyright notice and this permission notice shall be included in all
            copies or substantial portions of the Software.

            THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
            IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
            FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
            AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
            LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
            OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
            SOFTWARE.
            """;

    private LicenceTexts() {}

    /**
     * The LICENSE file for a new repository: the full text for MIT; for any other licence a short notice naming it,
     * with an {@code SPDX-License-Identifier} line so that the licence is recognised, and where to read the text.
     */
    static String licenceFile(String spdxId, String holder) {
        if (spdxId.equalsIgnoreCase("MIT")) {
            return MIT.formatted(Year.now().getValue(), holder);
        }
        String name = NAMES.getOrDefault(spdxId, spdxId);
        return """
                SPDX-License-Identifier: %s

                Copyright (c) %d %s

                This project is licensed under the %s.
                The full licence text is at https://spdx.org/licenses/%s.html
                """.formatted(spdxId, Year.now().getValue(), holder, name, spdxId);
    }
}
