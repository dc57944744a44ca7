package com.ctera.simulator;

import java.util.Objects;

/** A user name and password accepted by the simulator's login; {@link #toString()} never shows the password. */
public record SimulatorCredentials(String username, String password) {

    public SimulatorCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "SimulatorCredentials[username=" + this.username + ", password=******]";
    }
}
