package org.frischluft.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.frischluft.model.SiteId;

/**
 * One installation's alert settings: the rules' defaults, per-site overrides and where alerts go. Immutable; read
 * and validated by {@link AlertConfigFile}.
 *
 * @param sites       per-site settings (complete: defaults with the site's overrides applied)
 * @param recipients  e-mail recipients
 * @param smtp        the mail server, or null: no e-mail
 * @param webhooks    HTTP endpoints that get every event as JSON
 * @param mqtt        publish every event on {@code frischluft/<site>/alerts}
 */
public record AlertConfig(AlertSettings defaults, Map<SiteId, AlertSettings> sites, List<Recipient> recipients,
                          Smtp smtp, List<Webhook> webhooks, boolean mqtt) {
    public AlertConfig {
        Objects.requireNonNull(defaults, "defaults");
        sites = Map.copyOf(sites);
        recipients = List.copyOf(recipients);
        webhooks = List.copyOf(webhooks);
    }

    /** Defaults everywhere, no delivery but MQTT (what runs without an alert settings file). */
    public static AlertConfig standard() {
        return new AlertConfig(AlertSettings.DEFAULTS, Map.of(), List.of(), null, List.of(), true);
    }

    public AlertSettings settings(SiteId site) {
        return site == null ? defaults : sites.getOrDefault(site, defaults);
    }

    /**
     * Someone who gets alerts by e-mail.
     *
     * @param sites       only these sites (empty: all)
     * @param escalation  gets only escalated alerts (e.g. the Schulträger); otherwise everything opened and reminders
     */
    public record Recipient(String email, String language, Set<SiteId> sites, boolean escalation) {
        public Recipient {
            Objects.requireNonNull(email, "email");
            language = language == null ? "de" : language;
            sites = Set.copyOf(sites);
        }

        boolean wants(SiteId site) {
            return sites.isEmpty() || sites.contains(site);
        }
    }

    /** The SMTP server; the password comes from an environment variable, never from the file. */
    public record Smtp(String host, int port, String from, String user, String passwordEnv, boolean startTls) {
        public Smtp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(from, "from");
        }
    }

    /** An HTTP endpoint that gets each event as a JSON POST, in {@code language}. */
    public record Webhook(String url, String language) {
        public Webhook {
            Objects.requireNonNull(url, "url");
            language = language == null ? "en" : language;
        }
    }
}
