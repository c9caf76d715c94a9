package io.kubeboot.e2e;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS for tests and benchmarks that accepts the gateway's throwaway self-signed certificate. */
public final class Tls {

  private Tls() {
  }

  /** A JDK HTTP client that trusts the gateway's certificate. */
  public static HttpClient trustingClient() {
    return HttpClient.newBuilder().sslContext(trustingContext()).build();
  }

  /** A TLS context that trusts any server certificate, for clients other than the JDK's. */
  public static SSLContext trustingContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
