package com.ctera.client.bulk;

import java.util.List;
import java.util.stream.Collectors;

/** A user CSV file with bad rows: every problem, each with its line; nothing was sent to the portal. */
public final class UserCsvException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<CsvProblem> problems;

    /** @param source what was read, such as the file name */
    public UserCsvException(String source, List<CsvProblem> problems) {
        super("user CSV " + source + " has " + problems.size() + ((problems.size() == 1) ? " problem" : " problems")
                + "; nothing was sent:\n" + problems.stream().map(CsvProblem::toString)
                    .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<CsvProblem> problems() {
        return this.problems;
    }
}
