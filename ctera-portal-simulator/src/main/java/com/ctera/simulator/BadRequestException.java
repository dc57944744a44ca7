package com.ctera.simulator;

/** A request the simulator refuses with 400 and this message. */
final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
