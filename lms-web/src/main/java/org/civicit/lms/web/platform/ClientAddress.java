package org.civicit.lms.web.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.civicit.lms.platform.Networks;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, as far as the server can trust it. Behind the proxies
 * named in {@code LMS_TRUSTED_PROXIES} (networks in CIDR notation, comma-separated), the
 * client is the right-most address of {@code X-Forwarded-For} that is not one of those
 * proxies; from anywhere else the header is ignored, since anyone can write it.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "lms.trusted.proxies")
    Optional<String> trustedProxies;

    private Networks proxies;

    @PostConstruct
    void read() {
        try {
            proxies = Networks.parse(trustedProxies.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                    .filter(item -> !item.isEmpty()).toList()).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LMS_TRUSTED_PROXIES: \"" + e.getMessage() + "\" is not a network", e);
        }
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!proxies.contains(address)) {
            return address;
        }
        String forwarded = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            address = hop;
            if (!proxies.contains(hop)) {
                break;
            }
        }
        return address;
    }
}
