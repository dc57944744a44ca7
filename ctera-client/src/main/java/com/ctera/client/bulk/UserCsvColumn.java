package com.ctera.client.bulk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A field of a user in a CSV file, with the headers that name it (case, spaces, {@code -} and {@code _} ignored). */
public enum UserCsvColumn {

    /** The user name; required. */
    NAME(true, "name", "username", "user"),

    /** The e-mail address; required. */
    EMAIL(true, "email", "mail", "emailaddress"),

    /** The first name; required. */
    FIRST_NAME(true, "firstname", "givenname", "first"),

    /** The last name; required. */
    LAST_NAME(true, "lastname", "surname", "familyname", "last"),

    /** The initial password; required. */
    PASSWORD(true, "password"),

    /** The role, as the portal writes it ({@code EndUser}) or as the enum ({@code END_USER}); default end user. */
    ROLE(false, "role"),

    /** The company. */
    COMPANY(false, "company"),

    /** A comment. */
    COMMENT(false, "comment"),

    /** Whether a new password is required at first login: true/false, yes/no or 1/0; default false. */
    REQUIRE_PASSWORD_CHANGE(false, "requirepasswordchange", "mustchangepassword");

    private final boolean required;

    private final List<String> headers;

    UserCsvColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** Whether every file must have this column. */
    public boolean required() {
        return this.required;
    }

    /** The column a header names, if any. */
    public static Optional<UserCsvColumn> forHeader(String header) {
        String key = normalize(header);
        for (UserCsvColumn column : values()) {
            if (column.headers.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The headers this column accepts, as the usual spelling. */
    public String usualHeader() {
        return switch (this) {
            case FIRST_NAME -> "first_name";
            case LAST_NAME -> "last_name";
            case REQUIRE_PASSWORD_CHANGE -> "require_password_change";
            default -> this.headers.get(0);
        };
    }

    static String normalize(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
