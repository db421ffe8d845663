package org.civicit.lms.audit;

/**
 * Who acts and from where, as the layer that serves the request knows it. Provided by the
 * web module for each request; without a request the work is the system's.
 */
public interface Origin {

    /** The actor of work that no logged-in caller asked for. */
    String SYSTEM = "system";

    /** The logged-in caller's username, or {@code null} when no one is logged in. */
    String username();

    /** The client's address as the server saw it, or {@code null}. */
    String address();

    /** The name of the file the request carries, when it carries one by name. */
    String fileName();
}
