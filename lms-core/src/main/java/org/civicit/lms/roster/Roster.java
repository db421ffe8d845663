package org.civicit.lms.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** How many active officials each agency has, by agency id; agencies with none are left out. */
    public Map<Long, Long> activeOfficialsByAgency() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("SELECT o.agency.id, COUNT(o) FROM Official o WHERE o.active = TRUE GROUP BY o.agency.id",
                Object[].class).getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
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

    /** One page of the officials the query picks, by employee code; pages are numbered from 1. */
    public Page<Official> officials(Scope scope, OfficialQuery query, int page, int size) {
        long first = (long) (page - 1) * size;
        if (page < 1 || size < 1 || size > OfficialQuery.MAX_PAGE_SIZE || first > Integer.MAX_VALUE) {
            throw new BusinessException.Invalid("roster.officials.paging", OfficialQuery.MAX_PAGE_SIZE);
        }
        List<Official> items = select(scope, query, "o", Official.class)
                .setFirstResult((int) first)
                .setMaxResults(size)
                .getResultList();
        return new Page<>(select(scope, query, "COUNT(o)", Long.class).getSingleResult(), items);
    }

    /** Every official the query picks, by employee code. */
    public List<Official> allOfficials(Scope scope, OfficialQuery query) {
        return select(scope, query, "o", Official.class).getResultList();
    }

    private <T> TypedQuery<T> select(Scope scope, OfficialQuery query, String what, Class<T> type) {
        StringBuilder jpql = new StringBuilder("SELECT ").append(what)
                .append(" FROM Official o JOIN o.agency a WHERE a.path LIKE :scope");
        String agencyPattern = null;
        if (query.agencyCode() != null) {
            Agency agency = agency(scope, query.agencyCode()).orElseThrow(
                    () -> new BusinessException.Invalid("roster.officials.unknownAgency", query.agencyCode()));
            agencyPattern = query.includeSubtree() ? agency.getPath() + "%" : agency.getPath();
            jpql.append(" AND a.path LIKE :agencyPath");
        }
        if (query.level() != null) {
            jpql.append(" AND a.level = :level");
        }
        if (query.sector() != null) {
            jpql.append(" AND a.sector = :sector");
        }
        if (query.position() != null) {
            jpql.append(" AND o.position = :position");
        }
        if (query.text() != null) {
            jpql.append(" AND o.searchKey LIKE :text ESCAPE '\\'");
        }
        if (query.active() != null) {
            jpql.append(" AND o.active = :active");
        }
        if (query.employeeCodes() != null) {
            jpql.append(" AND o.employeeCode IN :codes");
        }
        if (type == Official.class) {
            jpql.append(" ORDER BY o.employeeCode");
        }
        TypedQuery<T> typed = em.createQuery(jpql.toString(), type).setParameter("scope", scope.pathPattern());
        if (agencyPattern != null) {
            typed.setParameter("agencyPath", agencyPattern);
        }
        if (query.level() != null) {
            typed.setParameter("level", query.level());
        }
        if (query.sector() != null) {
            typed.setParameter("sector", query.sector());
        }
        if (query.position() != null) {
            typed.setParameter("position", query.position());
        }
        if (query.text() != null) {
            typed.setParameter("text", "%" + escapeLike(Official.fold(query.text().strip())) + "%");
        }
        if (query.active() != null) {
            typed.setParameter("active", query.active());
        }
        if (query.employeeCodes() != null) {
            // An empty IN list is not valid SQL everywhere; no code matches this one.
            typed.setParameter("codes", query.employeeCodes().isEmpty() ? List.of("") : query.employeeCodes());
        }
        if (type == Official.class) {
            typed.setHint("eclipselink.join-fetch", "o.agency");
        }
        return typed;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
