package org.civicit.lms.web.roster;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Role;
import org.civicit.lms.web.QueryParams;

/** Staff accounts (HR, instructors, admins), kept by the admin; and who the caller is. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** An account as shown: never its password hash. */
    public record AccountView(String username, Set<Role> roles, String agency, String fullName) {

        static AccountView of(Account account) {
            return new AccountView(account.getUsername(), account.getRoles(),
                    account.getAgency() == null ? null : account.getAgency().getCode(),
                    account.getOfficial() == null ? null : account.getOfficial().getFullName());
        }
    }

    /** The body of a create-or-change; a missing password keeps the current one. */
    public record AccountChange(String password, List<String> roles, String agency) {
    }

    @Inject
    Accounts accounts;

    @Context
    SecurityContext security;

    @PUT
    @Path("{username}")
    @RolesAllowed("ADMIN")
    public Response save(@PathParam("username") String username, AccountChange change) {
        if (change == null) {
            throw new BusinessException.Invalid("roster.account.body");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : change.roles() == null ? List.<String>of() : change.roles()) {
            if (QueryParams.blankToNull(role) == null) {
                throw new BusinessException.Invalid("roster.account.role.missing");
            }
            roles.add(QueryParams.enumValue("roles", role, Role.class));
        }
        boolean created = accounts.save(username, change.password(), roles, QueryParams.blankToNull(change.agency()));
        AccountView view = accounts.find(username).map(AccountView::of).orElseThrow();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @GET
    @Path("me")
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
    public AccountView me() {
        return accounts.find(security.getUserPrincipal().getName()).map(AccountView::of).orElseThrow();
    }

    /** The body of a change of one's own password. */
    public record PasswordChange(String current, @JsonbProperty("new") String next) {
    }

    /** Anyone logged in changes its own password: 403 for a wrong current one, 422 for a weak new one. */
    @PUT
    @Path("me/password")
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
    public Response changePassword(PasswordChange change) {
        if (change == null) {
            throw new BusinessException.Invalid("roster.account.body");
        }
        accounts.changeOwnPassword(security.getUserPrincipal().getName(), change.current(), change.next());
        return Response.noContent().build();
    }
}
