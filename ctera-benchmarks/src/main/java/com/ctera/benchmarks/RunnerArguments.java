package com.ctera.benchmarks;

/** Reads the positional arguments of the load runners, with an error that names the bad one and what is allowed. */
public final class RunnerArguments {

    private RunnerArguments() {
    }

    /**
     * The whole number at {@code index}, or {@code fallback} when there are fewer arguments.
     * @throws IllegalArgumentException when the argument is not a whole number of at least {@code minimum}
     */
    public static int wholeNumber(String[] args, int index, String name, int minimum, int fallback) {
        if (args.length <= index) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(args[index].trim());
            if (parsed >= minimum) {
                return parsed;
            }
        }
        catch (NumberFormatException ex) {
            // reported below, with what is allowed
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + minimum + ", was '"
                + args[index] + "'");
    }
}
