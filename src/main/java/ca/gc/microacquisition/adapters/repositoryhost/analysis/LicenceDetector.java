package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the licence of a licence file (LICENSE, COPYING…) by the phrases that characterise each licence text.
 *
 * <p>An explicit {@code SPDX-License-Identifier:} line wins over the text. Recognised texts: MIT, Apache-2.0,
 * BSD-2-Clause, BSD-3-Clause, GPL-3.0, LGPL-3.0, AGPL-3.0, MPL-2.0, EPL-2.0, ISC and Unlicense (and GPL-2.0 and
 * LGPL-2.1, so that they are not mistaken for version 3).
 *
 * <p>The GNU licences: the licence text is the same whether a project chose "version 3 only" or "version 3 or
 * any later version" (that choice is made in the source files' notices, and the text's own "How to Apply These
 * Terms" section recommends the "or later" wording). A bare GNU licence text is therefore reported in its
 * {@code -or-later} form (e.g. {@code GPL-3.0-or-later}); a project that means "only" says so with an
 * {@code SPDX-License-Identifier: GPL-3.0-only} line in the licence file.
 *
 * <p>This is the one licence recogniser of the service: the local Git host, GitHub and GitLab all read licence files
 * and host-reported licence ids through it ({@link #detect}, {@link #canonical}), so one licence gets one SPDX id
 * whatever the host, in the spelling the Eligibility table and the contract use.
 */
public final class LicenceDetector {

    /** Licence file names looked for at the root of a repository, in order of preference (case-insensitive). */
    public static final List<String> LICENCE_FILE_NAMES = List.of(
            "LICENSE",
            "LICENSE.md",
            "LICENSE.txt",
            "LICENCE",
            "LICENCE.md",
            "LICENCE.txt",
            "COPYING",
            "COPYING.md",
            "COPYING.txt",
            "UNLICENSE");

    /** LICENSE, LICENCE, COPYING, UNLICENSE, with any suffix (LICENSE.md, LICENSE-MIT, COPYING.txt…). */
    private static final Pattern LICENCE_FILE_NAME = Pattern.compile("(?i)^(un)?(licen[cs]e|copying)([-._].*)?$");

    /** SPDX ids in the spelling SPDX uses, by lower-case key (hosts report keys such as {@code apache-2.0}). */
    private static final Map<String, String> SPDX_SPELLING = spellings(
            "MIT",
            "Apache-2.0",
            "BSD-2-Clause",
            "BSD-3-Clause",
            "ISC",
            "MPL-2.0",
            "EPL-1.0",
            "EPL-2.0",
            "BSL-1.0",
            "Unlicense",
            "CC0-1.0",
            "OGL-Canada-2.0",
            "OFL-1.1",
            "WTFPL",
            "0BSD",
            "CC-BY-4.0",
            "CC-BY-SA-4.0",
            "GPL-2.0-only",
            "GPL-2.0-or-later",
            "GPL-3.0-only",
            "GPL-3.0-or-later",
            "LGPL-2.1-only",
            "LGPL-2.1-or-later",
            "LGPL-3.0-only",
            "LGPL-3.0-or-later",
            "AGPL-3.0-only",
            "AGPL-3.0-or-later");

    /** The GNU licences as hosts name them without "-only"/"-or-later" (deprecated SPDX ids, licensee keys). */
    private static final Pattern BARE_GNU = Pattern.compile("(?i)^(a?gpl|lgpl)-(2\\.0|2\\.1|3\\.0)(\\+)?$");

    private static Map<String, String> spellings(String... ids) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String id : ids) {
            map.put(id.toLowerCase(Locale.ROOT), id);
        }
        return Map.copyOf(map);
    }

    private static final Pattern SPDX_TAG = Pattern.compile("SPDX-License-Identifier:\\s*([A-Za-z0-9][A-Za-z0-9.+-]*)");

    private record Rule(String spdxId, Pattern mustFind, Pattern mustNotFind) {
        boolean matches(String text) {
            return mustFind.matcher(text).find()
                    && (mustNotFind == null || !mustNotFind.matcher(text).find());
        }
    }

    private static Rule rule(String spdxId, String mustFind) {
        return new Rule(spdxId, Pattern.compile(mustFind), null);
    }

    /**
     * Checked in order. Licences whose texts mention the GNU licences (MPL and EPL name them as "secondary
     * licenses") come first; the GNU family is then told apart by the first licence title in the file.
     */
    private static final List<Rule> RULES = List.of(
            rule("MPL-2.0", "mozilla public license,? (version|v\\.) ?2\\.0"),
            rule("EPL-2.0", "eclipse public license ?-? ?(v\\.? ?|version )2\\.0"),
            rule("Apache-2.0", "apache license,? version 2\\.0"),
            rule("Unlicense", "this is free and unencumbered software released into the public domain"),
            rule(
                    "ISC",
                    "permission to use, copy, modify, and(/or)? distribute this software for any purpose "
                            + "with or without fee is hereby granted"),
            new Rule(
                    "MIT",
                    Pattern.compile("permission is hereby granted, free of charge, to any person obtaining "
                            + "a copy.*the above copyright notice and this permission notice shall be included"),
                    null),
            new Rule(
                    "BSD-3-Clause",
                    Pattern.compile("redistribution and use in source and binary forms.*"
                            + "(neither the name of|may be used to endorse or promote)"),
                    Pattern.compile("all advertising materials")),
            new Rule(
                    "BSD-2-Clause",
                    Pattern.compile("redistribution and use in source and binary forms.*"
                            + "redistributions in binary form must reproduce the above copyright notice"),
                    Pattern.compile("all advertising materials|neither the name of|may be used to endorse")));

    /** The first GNU licence title in the text, with its version. */
    private static final Pattern GNU_TITLE =
            Pattern.compile("gnu (affero |lesser |library )?general public license,? version (\\d(?:\\.\\d)?)");

    private LicenceDetector() {}

    /** Whether a root-level file name is a licence file name (the preferred names, or any with a suffix). */
    public static boolean isLicenceFileName(String fileName) {
        return fileName != null && LICENCE_FILE_NAME.matcher(fileName).matches();
    }

    /**
     * A licence id as a host reports it (GitHub's {@code spdx_id}, GitLab's licence key) in the spelling this
     * recogniser gives: null for "no assertion"/"other"; SPDX spelling for lower-case keys; a bare GNU id
     * ({@code GPL-3.0}, {@code gpl-3.0}, {@code GPL-3.0+}) in its {@code -or-later} form, because the host read it
     * from the same licence text that {@link #detect} reports that way.
     */
    public static String canonical(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("noassertion") || lower.equals("other")) {
            return null;
        }
        Matcher gnu = BARE_GNU.matcher(trimmed);
        if (gnu.matches()) {
            return gnu.group(1).toUpperCase(Locale.ROOT) + "-" + gnu.group(2) + "-or-later";
        }
        return SPDX_SPELLING.getOrDefault(lower, trimmed);
    }

    /** The SPDX id of the licence text, or empty when it is not one of the recognised licences. */
    public static Optional<String> detect(String licenceText) {
        if (licenceText == null || licenceText.isBlank()) {
            return Optional.empty();
        }
        Matcher tag = SPDX_TAG.matcher(licenceText);
        if (tag.find()) {
            return Optional.of(tagged(tag.group(1)));
        }
        String text = normalise(licenceText);
        Optional<String> byRule =
                RULES.stream().filter(r -> r.matches(text)).map(Rule::spdxId).findFirst();
        return byRule.isPresent() ? byRule : gnuLicence(text);
    }

    /**
     * An id written in an {@code SPDX-License-Identifier} line: SPDX spelling; a bare GNU id means "only" there (as
     * SPDX defines the deprecated ids), {@code +} means "or later".
     */
    private static String tagged(String id) {
        Matcher gnu = BARE_GNU.matcher(id);
        if (gnu.matches()) {
            return gnu.group(1).toUpperCase(Locale.ROOT) + "-" + gnu.group(2)
                    + (gnu.group(3) == null ? "-only" : "-or-later");
        }
        return SPDX_SPELLING.getOrDefault(id.toLowerCase(Locale.ROOT), id);
    }

    private static Optional<String> gnuLicence(String text) {
        Matcher title = GNU_TITLE.matcher(text);
        if (!title.find()) {
            return Optional.empty();
        }
        String family = title.group(1) == null ? "" : title.group(1).trim();
        String version = title.group(2);
        String id = switch (family) {
            case "affero" -> version.equals("3") ? "AGPL-3.0" : null;
            case "lesser", "library" -> version.equals("3") ? "LGPL-3.0" : version.equals("2.1") ? "LGPL-2.1" : null;
            default -> version.equals("3") ? "GPL-3.0" : version.equals("2") ? "GPL-2.0" : null;
        };
        return Optional.ofNullable(id).map(i -> i + "-or-later");
    }

    /** Lower case, Markdown emphasis and quotes removed, every run of white space turned into one space. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace('\u201c', '"')
                .replace('\u201d', '"')
                .replace('\u2019', '\'')
                .replaceAll("[*_#>`]", "")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
