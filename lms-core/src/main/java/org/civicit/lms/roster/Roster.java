package org.civicit.lms.roster;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.civicit.lms.platform.BusinessException;

/** Reads the agencies and officials a caller's scope lets them see. */
@ApplicationScoped
public class Roster {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** Every agency in scope, by code; a tree is made by following {@code parent}. */
    public List<Agency> agencies(Scope scope) {
        return em.createNamedQuery(Agency.FIND_IN_SCOPE, Agency.class)
                .setParameter("pathPattern", scope.pathPattern())
                .getResultList();
    }

    public boolean hasAgencies() {
        return em.createQuery("SELECT COUNT(a) FROM Agency a", Long.class).getSingleResult() > 0;
    }

    public Optional<Agency> agency(Scope scope, String code) {
        return em.createNamedQuery(Agency.FIND_BY_CODE, Agency.class)
                .setParameter("code", code)
                .getResultStream()
                .filter(scope::covers)
                .findFirst();
    }

    public Optional<Official> official(Scope scope, String employeeCode) {
        return em.createNamedQuery(Official.FIND_BY_CODE, Official.class)
                .setParameter("code", employeeCode)
                .getResultStream()
                .filter(o -> scope.covers(o.getAgency()))
                .findFirst();
    }

    public Page<Official> officials(Scope scope, OfficialQuery query) {
        if (query.page() < 1 || query.size() < 1 || query.size() > OfficialQuery.MAX_SIZE) {
            throw new BusinessException.Invalid("roster.officials.paging", OfficialQuery.MAX_SIZE);
        }
        StringBuilder where = new StringBuilder(" FROM Official o JOIN o.agency a WHERE a.path LIKE :scope");
        String agencyPattern = null;
        if (query.agencyCode() != null) {
            Agency agency = agency(scope, query.agencyCode()).orElseThrow(
                    () -> new BusinessException.Invalid("roster.officials.unknownAgency", query.agencyCode()));
            agencyPattern = query.includeSubtree() ? agency.getPath() + "%" : agency.getPath();
            where.append(" AND a.path LIKE :agencyPath");
        }
        if (query.level() != null) {
            where.append(" AND a.level = :level");
        }
        if (query.position() != null) {
            where.append(" AND o.position = :position");
        }
        if (query.text() != null) {
            where.append(" AND o.searchKey LIKE :text ESCAPE '\\'");
        }
        if (query.active() != null) {
            where.append(" AND o.active = :active");
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(o)" + where, Long.class);
        TypedQuery<Official> items = em.createQuery(
                "SELECT o" + where + " ORDER BY o.employeeCode", Official.class);
        for (TypedQuery<?> q : List.of(count, items)) {
            q.setParameter("scope", scope.pathPattern());
            if (agencyPattern != null) {
                q.setParameter("agencyPath", agencyPattern);
            }
            if (query.level() != null) {
                q.setParameter("level", query.level());
            }
            if (query.position() != null) {
                q.setParameter("position", query.position());
            }
            if (query.text() != null) {
                q.setParameter("text", "%" + escapeLike(Official.fold(query.text().strip())) + "%");
            }
            if (query.active() != null) {
                q.setParameter("active", query.active());
            }
        }
        long first = (long) (query.page() - 1) * query.size();
        if (first > Integer.MAX_VALUE) {
            throw new BusinessException.Invalid("roster.officials.paging", OfficialQuery.MAX_SIZE);
        }
        List<Official> page = items.setHint("eclipselink.join-fetch", "o.agency")
                .setFirstResult((int) first)
                .setMaxResults(query.size())
                .getResultList();
        return new Page<>(count.getSingleResult(), page);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
