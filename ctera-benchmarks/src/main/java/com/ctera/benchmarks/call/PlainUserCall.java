package com.ctera.benchmarks.call;

import java.net.URI;
import java.util.List;

import com.ctera.benchmarks.PlainPortalSession;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * The baseline of the call-overhead measures: a plain {@code WebClient} posting the exact get-multi envelope that
 * {@code users().get(name)} sends to the same endpoint, reading the answer as bytes.
 */
public final class PlainUserCall implements AutoCloseable {

    private final PlainPortalSession session;

    private final URI userUri;

    private final byte[] envelope;

    /**
     * Logs in to the simulator and checks that one call reads the user.
     * @throws IllegalStateException when the call does not answer with the user
     */
    public PlainUserCall(CteraPortalSimulator simulator, String user) {
        this(simulator.baseUrl(), simulator.adminCredentials(), user);
    }

    /**
     * Logs in to the portal at {@code baseUrl} as {@code admin} and checks that one call reads the user.
     * @throws IllegalStateException when the call does not answer with the user
     */
    public PlainUserCall(URI baseUrl, SimulatorCredentials admin, String user) {
        this.session = new PlainPortalSession(baseUrl, admin);
        this.userUri = this.session.api("/users/" + user);
        this.envelope = getUserEnvelope();
        requireUser(get(), user, "the plain WebClient call");
    }

    /** The get-multi envelope {@code users().get(name)} sends, encoded. */
    static byte[] getUserEnvelope() {
        List<String> paths = UserQuery.DEFAULT_FIELDS.stream().map(field -> "/" + field).toList();
        return new XmlCodec().encode(CallEnvelope.getMulti(paths));
    }

    /**
     * Checks that a baseline's answer is the user.
     * @throws IllegalStateException naming the baseline when it is not
     */
    static void requireUser(byte[] answer, String user, String baseline) {
        XmlValue value = new XmlCodec().decode(answer);
        if (!(value instanceof XmlObject read) || !user.equals(read.text("name"))) {
            throw new IllegalStateException(baseline + " did not read user " + user + ": " + value);
        }
    }

    /** One call; the answer's bytes. */
    public byte[] get() {
        return this.session.post(this.userUri, this.envelope);
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        this.session.close();
    }
}
