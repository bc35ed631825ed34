package ca.gc.microacquisition.adapters.repositoryhost;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises licence files by name and, where the host does not say which licence a file carries, the SPDX id
 * from the file's text (an {@code SPDX-License-Identifier} line, or the title of a well-known licence).
 */
public final class LicenceFiles {

    private static final Pattern NAME = Pattern.compile("(?i)^(un)?(licen[cs]e|copying)([-._].*)?$");
    private static final Pattern SPDX_LINE = Pattern.compile("SPDX-License-Identifier:\\s*([A-Za-z0-9.+-]+)");

    /** Titles as they open the licence texts, most specific first; values are SPDX ids. */
    private static final Map<Pattern, String> TITLES = new LinkedHashMap<>();

    static {
        title("GNU AFFERO GENERAL PUBLIC LICENSE\\s+Version 3", "AGPL-3.0");
        title("GNU LESSER GENERAL PUBLIC LICENSE\\s+Version 3", "LGPL-3.0");
        title("GNU LESSER GENERAL PUBLIC LICENSE\\s+Version 2\\.1", "LGPL-2.1");
        title("GNU GENERAL PUBLIC LICENSE\\s+Version 3", "GPL-3.0");
        title("GNU GENERAL PUBLIC LICENSE\\s+Version 2", "GPL-2.0");
        title("Apache License\\s+Version 2\\.0", "Apache-2.0");
        title("Mozilla Public License,?\\s+(Version|v\\.)\\s*2\\.0", "MPL-2.0");
        title("Eclipse Public License - v 2\\.0", "EPL-2.0");
        title("Boost Software License - Version 1\\.0", "BSL-1.0");
        title("This is free and unencumbered software released into the public domain", "Unlicense");
        title("CC0 1\\.0 Universal", "CC0-1.0");
        title("Open Government Licen[cs]e\\s*-\\s*Canada", "OGL-Canada-2.0");
        title("Redistributions of source code must retain.*?Neither the name", "BSD-3-Clause");
        title("Redistributions of source code must retain.*?Redistributions in binary form", "BSD-2-Clause");
        title("Permission to use, copy, modify, and(/or)? distribute this software for any purpose", "ISC");
        title("Permission is hereby granted, free of charge, to any person obtaining a copy", "MIT");
    }

    private static void title(String regex, String spdx) {
        TITLES.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), spdx);
    }

    private LicenceFiles() {
    }

    /** Whether a file name (no directory) is a licence file: LICENSE, LICENCE, COPYING, UNLICENSE, with any suffix. */
    public static boolean isLicenceFileName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The SPDX id a licence text carries, or null when none is recognised. */
    public static String detectSpdx(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var spdx = SPDX_LINE.matcher(text);
        if (spdx.find()) {
            return spdx.group(1);
        }
        String head = text.length() > 6000 ? text.substring(0, 6000) : text;
        for (var entry : TITLES.entrySet()) {
            if (entry.getKey().matcher(head).find()) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Normalises a licence id a host reports: null for "no assertion"/"other", SPDX spelling for lower-case
     * keys (GitLab reports licensee keys such as {@code apache-2.0}).
     */
    public static String normaliseSpdx(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String lower = id.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("noassertion") || lower.equals("other")) {
            return null;
        }
        for (String known : TITLES.values()) {
            if (known.equalsIgnoreCase(lower)) {
                return known;
            }
        }
        return switch (lower) {
            case "epl-1.0" -> "EPL-1.0";
            case "ofl-1.1" -> "OFL-1.1";
            case "wtfpl" -> "WTFPL";
            case "0bsd" -> "0BSD";
            case "cc-by-4.0" -> "CC-BY-4.0";
            case "cc-by-sa-4.0" -> "CC-BY-SA-4.0";
            default -> id.trim();
        };
    }
}
