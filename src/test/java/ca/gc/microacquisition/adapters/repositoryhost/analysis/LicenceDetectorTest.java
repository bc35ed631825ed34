package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceDetectorTest {

    /** Full licence texts (as distributed in /usr/share/common-licenses and by the Rust project). */
    @ParameterizedTest
    @CsvSource({
        "MIT, MIT",
        "Apache-2.0, Apache-2.0",
        "BSD-3-Clause, BSD-3-Clause",
        "GPL-3, GPL-3.0-or-later",
        "LGPL-3, LGPL-3.0-or-later",
        "MPL-2.0, MPL-2.0",
        "GPL-2, GPL-2.0-or-later",
        "LGPL-2.1, LGPL-2.1-or-later"
    })
    void recognisesFullTexts(String file, String expected) throws IOException {
        assertThat(LicenceDetector.detect(resource(file))).contains(expected);
    }

    @Test
    void doesNotMistakeOtherVersionsForTheSupportedOnes() throws IOException {
        assertThat(LicenceDetector.detect(resource("MPL-1.1"))).isEmpty();
    }

    @Test
    void recognisesShortLicences() {
        assertThat(LicenceDetector.detect("""
                ISC License

                Copyright (c) 2026, Someone

                Permission to use, copy, modify, and/or distribute this software for any
                purpose with or without fee is hereby granted, provided that the above
                copyright notice and this permission notice appear in all copies.
                """)).contains("ISC");
        assertThat(LicenceDetector.detect("""
                This is free and unencumbered software released into the public domain.

                Anyone is free to copy, modify, publish, use, compile, sell, or
                distribute this software, either in source code form or as a compiled
                binary, for any purpose, commercial or non-commercial, and by any means.
                """)).contains("Unlicense");
        assertThat(LicenceDetector.detect("""
                Copyright (c) 2026, Someone

                Redistribution and use in source and binary forms, with or without
                modification, are permitted provided that the following conditions are met:

                1. Redistributions of source code must retain the above copyright notice, this
                   list of conditions and the following disclaimer.

                2. Redistributions in binary form must reproduce the above copyright notice,
                   this list of conditions and the following disclaimer in the documentation
                   and/or other materials provided with the distribution.
                """)).contains("BSD-2-Clause");
        assertThat(LicenceDetector.detect("""
                                    GNU AFFERO GENERAL PUBLIC LICENSE
                                       Version 3, 19 November 2007

                 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
                """)).contains("AGPL-3.0-or-later");
        assertThat(LicenceDetector.detect("""
                Eclipse Public License - v 2.0

                    THE ACCOMPANYING PROGRAM IS PROVIDED UNDER THE TERMS OF THIS ECLIPSE
                    PUBLIC LICENSE ("AGREEMENT"). ANY USE, REPRODUCTION OR DISTRIBUTION
                    OF THE PROGRAM CONSTITUTES RECIPIENT'S ACCEPTANCE OF THIS AGREEMENT.
                  "Secondary License" means either the GNU General Public License,
                  Version 2.0, or any later versions of that license
                """)).contains("EPL-2.0");
    }

    @Test
    void anSpdxIdentifierLineWins() {
        assertThat(LicenceDetector.detect("SPDX-License-Identifier: GPL-3.0-only\n\n" + "GNU GENERAL PUBLIC LICENSE"
                        + "\nVersion 3, 29 June 2007\n"))
                .contains("GPL-3.0-only");
    }

    @Test
    void unknownOrEmptyTextIsNotRecognised() {
        assertThat(LicenceDetector.detect("All rights reserved. Do not copy.")).isEmpty();
        assertThat(LicenceDetector.detect("")).isEmpty();
        assertThat(LicenceDetector.detect(null)).isEmpty();
    }

    @Test
    void knowsLicenceFileNames() {
        assertThat(LicenceDetector.isLicenceFileName("license.md")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("COPYING")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("LICENCE.txt")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("README.md")).isFalse();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LicenceDetectorTest.class.getResourceAsStream("/licences/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void hostReportedIdsTakeTheSpellingTheDetectorGives() {
        assertThat(LicenceDetector.canonical("GPL-3.0")).isEqualTo("GPL-3.0-or-later");
        assertThat(LicenceDetector.canonical("gpl-3.0")).isEqualTo("GPL-3.0-or-later");
        assertThat(LicenceDetector.canonical("GPL-2.0+")).isEqualTo("GPL-2.0-or-later");
        assertThat(LicenceDetector.canonical("lgpl-2.1")).isEqualTo("LGPL-2.1-or-later");
        assertThat(LicenceDetector.canonical("AGPL-3.0")).isEqualTo("AGPL-3.0-or-later");
        assertThat(LicenceDetector.canonical("GPL-3.0-only")).isEqualTo("GPL-3.0-only");
        assertThat(LicenceDetector.canonical("apache-2.0")).isEqualTo("Apache-2.0");
        assertThat(LicenceDetector.canonical("mit")).isEqualTo("MIT");
        assertThat(LicenceDetector.canonical("NOASSERTION")).isNull();
        assertThat(LicenceDetector.canonical("other")).isNull();
        assertThat(LicenceDetector.canonical(" ")).isNull();
        // The detector's own answer for a bare GPL-3 text is the same id.
        assertThat(LicenceDetector.detect("GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n"))
                .contains(LicenceDetector.canonical("GPL-3.0"));
    }

    @Test
    void deprecatedIdsInAnSpdxLineAreReadAsSpdxDefinesThem() {
        assertThat(LicenceDetector.detect("SPDX-License-Identifier: GPL-3.0\n")).contains("GPL-3.0-only");
        assertThat(LicenceDetector.detect("SPDX-License-Identifier: GPL-3.0+\n"))
                .contains("GPL-3.0-or-later");
        assertThat(LicenceDetector.detect("SPDX-License-Identifier: apache-2.0\n"))
                .contains("Apache-2.0");
    }

    @Test
    void licenceFileNamesWithAnySuffixAreLicenceFiles() {
        assertThat(LicenceDetector.isLicenceFileName("LICENSE")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("licence.md")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("LICENSE-MIT")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("COPYING.txt")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("UNLICENSE")).isTrue();
        assertThat(LicenceDetector.isLicenceFileName("README.md")).isFalse();
        assertThat(LicenceDetector.isLicenceFileName("LICENSES")).isFalse();
    }
}
