package com.ctera.simulator.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A key pair and a self-signed certificate made at start-up for the simulator's TLS listener. */
public record SelfSignedCertificate(PrivateKey privateKey, X509Certificate certificate) {

    private static final Duration VALIDITY = Duration.ofDays(30);

    /**
     * Generates an EC P-256 key (fast, unlike RSA) and a certificate for {@code localhost}, the loopback
     * addresses and the given bind host.
     */
    public static SelfSignedCertificate generate(String bindHost) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=ctera-portal-simulator");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(bindHost));
            X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new SelfSignedCertificate(keys.getPrivate(), certificate);
        }
        catch (GeneralSecurityException | OperatorCreationException | java.io.IOException ex) {
            throw new IllegalStateException("Cannot generate the simulator's TLS certificate", ex);
        }
    }

    private static GeneralNames subjectAlternativeNames(String bindHost) {
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (isIpLiteral(bindHost)) {
            names.add(new GeneralName(GeneralName.iPAddress, bindHost));
        }
        else if (!bindHost.isBlank()) {
            names.add(new GeneralName(GeneralName.dNSName, bindHost));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        if (!host.matches("[0-9.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        }
        catch (java.net.UnknownHostException ex) {
            return false;
        }
    }

    /** The certificate (never the key) in PEM, for a client to trust exactly this simulator. */
    public String certificatePem() {
        try {
            String body = java.util.Base64.getMimeEncoder(64, new byte[] { '\n' })
                .encodeToString(this.certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        }
        catch (java.security.cert.CertificateEncodingException ex) {
            throw new IllegalStateException("Cannot encode the simulator's TLS certificate", ex);
        }
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[" + this.certificate.getSubjectX500Principal().getName() + "]";
    }
}
