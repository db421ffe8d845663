package org.civicit.lms.web.roster;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Agency;
import org.civicit.lms.roster.AgencyChanges;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.roster.Sector;
import org.civicit.lms.web.CsvUpload;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.PageMessages;

/**
 * Behind {@code admin/agencies.xhtml}: the agency tree with its officials counted, the
 * agencies file imported with every error by line, and one agency renamed, moved,
 * deactivated or reactivated.
 */
@Named
@ViewScoped
public class AgenciesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Roster roster;

    @Inject
    AgencyChanges changes;

    @Inject
    AgencyImport agencyImport;

    @Inject
    RequestOrigin origin;

    private final CsvUpload upload = new CsvUpload();
    private List<Item> tree = List.of();
    private boolean withoutAgencies;

    private String selected;
    private String name;
    private String parent;

    /**
     * An agency as the tree shows it: its own active officials and those of its whole subtree.
     */
    public record Node(String code, String name, Level level, Sector sector, long officials, long withSubtree,
            boolean active, String path) implements Serializable {
    }

    /** A parent an agency may be moved under. */
    public record Choice(String code, String label) implements Serializable {
    }

    /** An agency of the tree and the agencies under it. */
    public record Item(Node node, List<Item> children) implements Serializable {
    }

    @PostConstruct
    void load() {
        List<Agency> agencies = roster.agencies(Scope.ALL);
        withoutAgencies = agencies.isEmpty();
        Map<Long, Long> own = roster.activeOfficialsByAgency();
        Map<Long, Long> total = new HashMap<>();
        for (Agency agency : agencies) {
            long count = own.getOrDefault(agency.getId(), 0L);
            for (String id : agency.getPath().split("/")) {
                if (!id.isEmpty()) {
                    total.merge(Long.valueOf(id), count, Long::sum);
                }
            }
        }
        Map<Long, Item> items = new HashMap<>();
        List<Item> tops = new ArrayList<>();
        agencies.stream().sorted(Comparator.comparingLong((Agency a) -> a.getPath().chars().filter(c -> c == '/').count())
                .thenComparing(Agency::getName)).forEach(agency -> {
                    Item item = new Item(new Node(agency.getCode(), agency.getName(), agency.getLevel(),
                            agency.getSector(), own.getOrDefault(agency.getId(), 0L),
                            total.getOrDefault(agency.getId(), 0L), agency.isActive(), agency.getPath()),
                            new ArrayList<>());
                    Item parentItem = agency.getParent() == null ? null : items.get(agency.getParent().getId());
                    (parentItem == null ? tops : parentItem.children()).add(item);
                    items.put(agency.getId(), item);
                });
        tree = tops;
    }

    /**
     * The tree as nested lists of native disclosure widgets: they open and close by mouse,
     * touch and keyboard with no script to download (a PrimeFaces tree costs about 1 MB on
     * first load and its toggles are not reachable by keyboard). The province and the
     * branch of the agency being changed are open; the rest opens on demand.
     */
    public String getTreeHtml() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String link = faces.getExternalContext().getRequestContextPath() + "/admin/agencies.xhtml?agency=";
        String open = getCurrent() == null ? "-" : getCurrent().path();
        StringBuilder html = new StringBuilder();
        list(html, tree, link, open, true);
        return html.toString();
    }

    private static void list(StringBuilder html, List<Item> items, String link, String open, boolean top) {
        html.append(top ? "<ul class=\"agency-tree\">" : "<ul>");
        for (Item item : items) {
            Node node = item.node();
            String label = "<span class=\"" + (node.active() ? "agency" : "agency inactive") + "\">" + escape(node.name())
                    + "</span> <span class=\"code\">" + escape(node.code()) + " · "
                    + escape(PageMessages.text("Level." + node.level().name())) + " · "
                    + escape(PageMessages.text("admin_agencies.column.officials")) + " " + node.officials() + " / "
                    + node.withSubtree() + (node.active() ? "" : " · " + escape(PageMessages.text("admin_agencies.status.inactive")))
                    + "</span>";
            String change = "<a class=\"change\" href=\"" + escape(link + URLEncoder.encode(node.code(), StandardCharsets.UTF_8))
                    + "\" aria-label=\"" + escape(PageMessages.text("admin_agencies.open") + " " + node.name()) + "\">"
                    + escape(PageMessages.text("admin_agencies.open")) + "</a>";
            html.append("<li>");
            if (item.children().isEmpty()) {
                html.append("<span class=\"leaf\">").append(label).append(' ').append(change).append("</span>");
            } else {
                // A link may not sit inside the summary, which is itself a control: it comes first in the open branch.
                boolean expanded = node.level() == Level.PROVINCE || open.startsWith(node.path()) && !open.equals(node.path());
                html.append(expanded ? "<details open>" : "<details>").append("<summary>").append(label).append("</summary>")
                        .append("<div class=\"branch-change\">").append(change).append("</div>");
                list(html, item.children(), link, open, false);
                html.append("</details>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    public void importFile() {
        upload.send(origin, agencyImport::apply);
        load();
    }

    /** Opens an agency for changes. */
    public void select(String code) {
        roster.agency(Scope.ALL, code).ifPresent(agency -> {
            selected = agency.getCode();
            name = agency.getName();
            parent = agency.getParent() == null ? "" : agency.getParent().getCode();
        });
    }

    public void rename() {
        act(() -> changes.rename(selected, name), "admin_agencies.renamed");
    }

    public void move() {
        act(() -> changes.move(selected, parent), "admin_agencies.moved");
    }

    public void deactivate() {
        act(() -> changes.setActive(selected, false), "admin_agencies.deactivated");
    }

    public void reactivate() {
        act(() -> changes.setActive(selected, true), "admin_agencies.reactivated");
    }

    private void act(Runnable change, String done) {
        try {
            change.run();
            PageMessages.info(done, selected);
            load();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    /** The page without an agency open. */
    public String close() {
        return "/admin/agencies?faces-redirect=true";
    }

    /** The agency the page opened with ({@code ?agency=CODE}, the tree's links); set again on each postback. */
    public String getAgency() {
        return selected;
    }

    public void setAgency(String code) {
        if (code != null && !code.equals(selected)) {
            select(code);
        }
    }

    /** The selected agency as it stands now. */
    public Node getCurrent() {
        if (selected == null) {
            return null;
        }
        return roster.agency(Scope.ALL, selected).map(a -> new Node(a.getCode(), a.getName(), a.getLevel(),
                a.getSector(), 0, 0, a.isActive(), a.getPath())).orElse(null);
    }

    /** Where the selected agency may go: active agencies of a higher or equal level, outside its own subtree. */
    public List<Choice> getParents() {
        Node current = getCurrent();
        if (current == null) {
            return List.of();
        }
        return roster.agencies(Scope.ALL).stream()
                .filter(a -> a.isActive() && !a.getPath().startsWith(current.path()) && current.level().mayBeUnder(a.getLevel()))
                .map(a -> new Choice(a.getCode(), a.getName() + " (" + a.getCode() + ")"))
                .sorted((x, y) -> x.label().compareToIgnoreCase(y.label()))
                .toList();
    }

    public CsvUpload getUpload() {
        return upload;
    }


    public boolean isWithoutAgencies() {
        return withoutAgencies;
    }

    public String getSelected() {
        return selected;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }
}
