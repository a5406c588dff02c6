package dev.pianogenie.training.data;

import dev.pianogenie.files.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a MAESTRO-style CSV (columns {@code split} and {@code midi_filename}; titles may hold quoted commas)
 * into file → split. RFC 4180 quoting: fields in double quotes, a doubled quote inside is a quote.
 */
public final class MaestroCsv {
    private static final long MAX_BYTES = 64L << 20;

    private MaestroCsv() {}

    /** The whole CSV, capped (MAESTRO's is 0.4 MB). */
    private static String text(Path csv) throws IOException {
        String text = new String(InputFile.read(csv, MAX_BYTES, "a dataset CSV"), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a spreadsheet's byte-order mark is no column
    }

    /** True if the file's header names the columns we need. */
    public static boolean looksLikeOne(Path csv) {
        try {
            List<List<String>> rows = parse(text(csv), 1);
            return !rows.isEmpty()
                    && rows.get(0).contains("split")
                    && rows.get(0).contains("midi_filename");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Map<String, Split> read(Path csv) throws IOException {
        List<List<String>> rows = parse(text(csv), Integer.MAX_VALUE);
        if (rows.isEmpty()) {
            throw new IOException(csv + ": empty CSV");
        }
        List<String> header = rows.get(0);
        int split = header.indexOf("split");
        int file = header.indexOf("midi_filename");
        if (split < 0 || file < 0) {
            throw new IOException(csv + ": needs the columns 'split' and 'midi_filename', has " + header);
        }
        Map<String, Split> map = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() <= Math.max(split, file)) {
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                throw new IOException(
                        csv + ": row " + (r + 1) + " has " + row.size() + " fields, expected " + header.size());
            }
            try {
                map.put(row.get(file), Split.parse(row.get(split)));
            } catch (IllegalArgumentException e) {
                throw new IOException(csv + ": row " + (r + 1) + ": " + e.getMessage(), e);
            }
        }
        return map;
    }

    static List<List<String>> parse(String text, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && rows.size() < maxRows; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            if (rows.size() < maxRows) {
                rows.add(row);
            }
        }
        return rows;
    }
}
