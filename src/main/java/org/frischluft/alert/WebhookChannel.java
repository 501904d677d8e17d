package org.frischluft.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Each alert event as a JSON POST to a URL (the JDK's {@link HttpClient}; 10 s at most). A status other than 2xx is a
 * failure and is tried again by the service.
 */
public final class WebhookChannel implements AlertChannel {
    private final AlertConfig.Webhook hook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public WebhookChannel(AlertConfig.Webhook hook) {
        this.hook = hook;
    }

    @Override
    public String name() {
        return "webhook " + URI.create(hook.url()).getHost();
    }

    @Override
    public void send(AlertMessage m) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Frischluft")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AlertJson.bytes(AlertJson.event(m, List.of(hook.language())))))
                .build();
        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) throw new IOException("webhook answered HTTP " + r.statusCode());
    }
}
