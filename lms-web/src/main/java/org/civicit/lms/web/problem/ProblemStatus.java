package org.civicit.lms.web.problem;

import jakarta.ws.rs.core.Response;

/** Statuses JAX-RS 3.1 has no constant for. */
public enum ProblemStatus implements Response.StatusType {
    UNPROCESSABLE(422, "Unprocessable Content");

    private final int code;
    private final String reason;

    ProblemStatus(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    static String reasonOf(int code) {
        for (ProblemStatus status : values()) {
            if (status.code == code) {
                return status.reason;
            }
        }
        return "";
    }

    @Override
    public int getStatusCode() {
        return code;
    }

    @Override
    public Response.Status.Family getFamily() {
        return Response.Status.Family.CLIENT_ERROR;
    }

    @Override
    public String getReasonPhrase() {
        return reason;
    }
}
