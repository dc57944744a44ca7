package com.ctera.client.bulk;

/**
 * One thing wrong in a CSV file.
 * @param line the line of the file, from 1 (the header is line 1)
 * @param column the column's header, or an empty string when the problem is the whole line
 * @param message what is wrong and what is allowed; never the value of a password
 */
public record CsvProblem(long line, String column, String message) {

    @Override
    public String toString() {
        return "line " + this.line + (this.column.isEmpty() ? "" : ", column '" + this.column + "'") + ": "
                + this.message;
    }
}
