package org.civicit.lms.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The HTTP API, under {@code /api}; see {@code /openapi} for its description. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Civic IT LMS API", version = "1",
        description = "Roster, programmes, exams and certification of a province's officials. "
                + "HTTP Basic; errors are application/problem+json (RFC 9457)."))
@DeclareRoles({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
public class LmsApplication extends Application {
}
