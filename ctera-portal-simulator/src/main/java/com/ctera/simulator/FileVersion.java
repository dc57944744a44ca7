package com.ctera.simulator;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One stored version of a file: its body on disk (never changed once written), size and time.
 *
 * @param number 1 for the first version, counting up
 */
record FileVersion(int number, Path blob, long size, LocalDateTime time) {
}
