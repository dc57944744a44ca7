package com.ctera.client.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.UserRole;

/**
 * Reads users to create from a CSV file with a header line. Headers map to {@link UserCsvColumn}s by their usual
 * names ({@code name, email, first_name, last_name, password, role, company, comment, require_password_change}) or
 * by a mapping of the caller's. Every row is checked before anything is returned: one bad row fails the whole file
 * with a {@link UserCsvException} listing each problem with its line, so nothing is sent for a file with a mistake.
 */
public final class UserCsvReader {

    /** The largest file read, so that a wrong file cannot fill memory. */
    public static final int MAX_CHARACTERS = 64 * 1024 * 1024;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();

    private final Map<String, UserCsvColumn> headers;

    private UserCsvReader(Map<String, UserCsvColumn> headers) {
        this.headers = Map.copyOf(headers);
    }

    /** A reader that knows the usual header names. */
    public static UserCsvReader standard() {
        return new UserCsvReader(Map.of());
    }

    /**
     * A reader that also maps these headers (as written in the file, any case) to columns, such as
     * {@code "Login" -> NAME}; other headers keep their usual meaning.
     */
    public static UserCsvReader withHeaders(Map<String, UserCsvColumn> headers) {
        Map<String, UserCsvColumn> normalized = new HashMap<>();
        headers.forEach((header, column) -> normalized.put(UserCsvColumn.normalize(header), column));
        return new UserCsvReader(normalized);
    }

    /** Reads a UTF-8 file; see {@link #read(Reader, String)}. */
    public List<NewUser> read(Path file) {
        try {
            if (Files.size(file) > MAX_CHARACTERS) {
                throw new IllegalArgumentException("user CSV " + file.getFileName() + " is larger than "
                        + MAX_CHARACTERS + " bytes");
            }
            return read(Files.readString(file, StandardCharsets.UTF_8), String.valueOf(file.getFileName()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read user CSV " + file.getFileName(), ex);
        }
    }

    /**
     * Reads every row and checks it.
     * @param source names the input in error messages, such as the file name
     * @return the users, in file order
     * @throws UserCsvException naming each bad header and row by line when anything is wrong
     */
    public List<NewUser> read(Reader csv, String source) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int read;
            while ((read = csv.read(buffer)) >= 0) {
                text.append(buffer, 0, read);
                if (text.length() > MAX_CHARACTERS) {
                    throw new IllegalArgumentException("user CSV " + source + " is larger than " + MAX_CHARACTERS
                            + " characters");
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read user CSV " + source, ex);
        }
        return read(text.toString(), source);
    }

    private List<NewUser> read(String text, String source) {
        LineIndex lines = new LineIndex(text);
        List<CsvProblem> problems = new ArrayList<>();
        List<NewUser> users = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Map<UserCsvColumn, String> columns = columns(parser.getHeaderNames(), problems);
            if (!problems.isEmpty()) {
                throw new UserCsvException(source, problems);
            }
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = lines.lineOf(record.getCharacterPosition());
                NewUser user = user(record, line, columns, parser.getHeaderNames().size(), problems);
                if (user == null) {
                    continue;
                }
                Long first = seen.putIfAbsent(user.name().toLowerCase(Locale.ROOT), line);
                if (first != null) {
                    problems.add(new CsvProblem(line, columns.get(UserCsvColumn.NAME), "user '" + user.name()
                            + "' is already on line " + first + "; each user may appear once"));
                }
                users.add(user);
            }
        }
        catch (IOException | IllegalStateException | IllegalArgumentException ex) {
            if (ex instanceof UserCsvException csvProblem) {
                throw csvProblem;
            }
            // Commons CSV reports a malformed file (an unclosed quote, a duplicate header) this way.
            problems.add(new CsvProblem(lines.lineCount(), "", "the file is not valid CSV: " + ex.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new UserCsvException(source, problems);
        }
        return users;
    }

    private Map<UserCsvColumn, String> columns(List<String> headerNames, List<CsvProblem> problems) {
        Map<UserCsvColumn, String> columns = new EnumMap<>(UserCsvColumn.class);
        for (String header : headerNames) {
            UserCsvColumn column = this.headers.get(UserCsvColumn.normalize(header));
            if (column == null) {
                column = UserCsvColumn.forHeader(header).orElse(null);
            }
            if (column == null) {
                problems.add(new CsvProblem(1, header, "unknown column; known columns are " + usualHeaders()));
            }
            else if (columns.putIfAbsent(column, header) != null) {
                problems.add(new CsvProblem(1, header, "names the same field as column '" + columns.get(column)
                        + "'"));
            }
        }
        for (UserCsvColumn column : UserCsvColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                problems.add(new CsvProblem(1, "", "the header has no column for " + column.usualHeader()
                        + ", which is required; required columns are name, email, first_name, last_name, password"));
            }
        }
        return columns;
    }

    private static @Nullable NewUser user(CSVRecord record, long line, Map<UserCsvColumn, String> columns,
            int headerSize, List<CsvProblem> problems) {
        if (record.size() != headerSize) {
            problems.add(new CsvProblem(line, "", "has " + record.size() + " values but the header has "
                    + headerSize));
            return null;
        }
        int before = problems.size();
        Map<UserCsvColumn, String> values = new LinkedHashMap<>();
        columns.forEach((column, header) -> {
            String value = record.get(header);
            if (value.isEmpty()) {
                if (column.required()) {
                    problems.add(new CsvProblem(line, header, "is empty; " + column.usualHeader() + " is required"));
                }
                return;
            }
            values.put(column, value);
        });
        String name = values.get(UserCsvColumn.NAME);
        if (name != null && name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '\\')) {
            problems.add(new CsvProblem(line, columns.get(UserCsvColumn.NAME), "user name '" + name
                    + "' contains a space, '/' or '\\'; use letters, digits, '.', '-', '_' or '@'"));
        }
        String email = values.get(UserCsvColumn.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new CsvProblem(line, columns.get(UserCsvColumn.EMAIL), "'" + email
                    + "' is not an e-mail address such as jane@example.com"));
        }
        UserRole role = UserRole.END_USER;
        String roleText = values.get(UserCsvColumn.ROLE);
        if (roleText != null) {
            Optional<UserRole> known = role(roleText);
            if (known.isEmpty()) {
                problems.add(new CsvProblem(line, columns.get(UserCsvColumn.ROLE), "unknown role '" + roleText
                        + "'; roles are " + Arrays.stream(UserRole.values()).map(UserRole::wireValue).toList()));
            }
            else {
                role = known.get();
            }
        }
        boolean requireChange = false;
        String change = values.get(UserCsvColumn.REQUIRE_PASSWORD_CHANGE);
        if (change != null) {
            Boolean parsed = yesNo(change);
            if (parsed == null) {
                problems.add(new CsvProblem(line, columns.get(UserCsvColumn.REQUIRE_PASSWORD_CHANGE), "'" + change
                        + "' is not true/false, yes/no or 1/0"));
            }
            else {
                requireChange = parsed;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new NewUser(name, email, values.get(UserCsvColumn.FIRST_NAME), values.get(UserCsvColumn.LAST_NAME),
                values.get(UserCsvColumn.PASSWORD), role, values.get(UserCsvColumn.COMPANY),
                values.get(UserCsvColumn.COMMENT), requireChange);
    }

    private static Optional<UserRole> role(String text) {
        Optional<UserRole> byWire = UserRole.fromWireValue(text);
        if (byWire.isPresent()) {
            return byWire;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(UserRole.values()).filter(role -> role.name().equals(key)).findFirst();
    }

    private static @Nullable Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y" -> true;
            case "false", "no", "0", "n" -> false;
            default -> null;
        };
    }

    private static List<String> usualHeaders() {
        return Arrays.stream(UserCsvColumn.values()).map(UserCsvColumn::usualHeader).toList();
    }

    /** Maps a character position of the text to its line, from 1. */
    private static final class LineIndex {

        private final String text;

        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            this.starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long position) {
            // A record's position is where the parser began reading it, before any empty lines it skipped.
            int start = (int) position;
            while (start < this.text.length() && isLineBreak(this.text.charAt(start))) {
                start++;
            }
            int at = Arrays.binarySearch(this.starts, start);
            return (at >= 0) ? at + 1 : -at - 1;
        }

        private static boolean isLineBreak(char c) {
            return c == '\n' || c == '\r';
        }

        long lineCount() {
            return this.starts.length;
        }
    }
}
