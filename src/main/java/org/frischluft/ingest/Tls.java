package org.frischluft.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for a broker: system trust store or a CA file, optional client certificate. Public for
 * the admin's connection test, which checks the same trust and key material step by step.
 */
public final class Tls {
    private Tls() {
    }

    static SSLSocketFactory socketFactory(BrokerConfig config) throws IOException, GeneralSecurityException {
        if (config.caFile() == null && config.clientCert() == null) {
            return SSLContext.getDefault().getSocketFactory();
        }
        KeyManagerFactory kmf = keyManagers(config);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), trustManagers(config).getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    /** The CAs the link trusts: those in the broker's CA file, else the system trust store. */
    public static TrustManagerFactory trustManagers(BrokerConfig config) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (config.caFile() != null) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certificates(config.caFile())) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) throw new GeneralSecurityException(config.caFile() + ": no certificate found");
            tmf.init(trust);
        } else {
            tmf.init((KeyStore) null);
        }
        return tmf;
    }

    /** The client certificate and key the link shows, or null when the broker entry names none. */
    public static KeyManagerFactory keyManagers(BrokerConfig config) throws IOException, GeneralSecurityException {
        if (config.clientCert() == null) return null;
        char[] none = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        Collection<? extends Certificate> chain = certificates(config.clientCert());
        keys.setKeyEntry("client", privateKey(config.clientKey()), none, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, none);
        return kmf;
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < 0) {
            throw new GeneralSecurityException(pem + ": expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new GeneralSecurityException(pem + ": unsupported private key algorithm");
    }
}
