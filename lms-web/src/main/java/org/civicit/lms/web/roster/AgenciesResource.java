package org.civicit.lms.web.roster;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.roster.Agency;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Sector;
import org.civicit.lms.web.security.Caller;

/** The agency tree: HR sees its own subtree, the admin the whole province. */
@Path("agencies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgenciesResource {

    /** An agency with the agencies directly under it. */
    public record Node(String code, String name, Level level, Sector sector, List<Node> children) {
    }

    @Inject
    Roster roster;

    @Inject
    AgencyImport agencyImport;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"ADMIN", "HR"})
    public List<Node> tree() {
        List<Agency> agencies = roster.agencies(caller.scope());
        Map<Long, List<Node>> childrenOf = new HashMap<>();
        Map<Long, Node> nodes = new HashMap<>();
        for (Agency agency : agencies) {
            List<Node> children = childrenOf.computeIfAbsent(agency.getId(), id -> new ArrayList<>());
            nodes.put(agency.getId(), new Node(agency.getCode(), agency.getName(), agency.getLevel(),
                    agency.getSector(), children));
        }
        List<Node> roots = new ArrayList<>();
        for (Agency agency : agencies) {
            Agency parent = agency.getParent();
            if (parent != null && nodes.containsKey(parent.getId())) {
                childrenOf.get(parent.getId()).add(nodes.get(agency.getId()));
            } else {
                roots.add(nodes.get(agency.getId()));
            }
        }
        return roots;
    }

    /** The agencies CSV of the contract; the tree's shape is the admin's to change. */
    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed("ADMIN")
    public ImportResult importCsv(InputStream csv) {
        return agencyImport.apply(csv);
    }
}
