package org.civicit.lms.web.roster;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
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
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

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
    private TreeNode<Node> tree;
    private TreeNode<Node> picked;
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
        String openBranch = getCurrent() == null ? "-" : getCurrent().path();
        tree = new DefaultTreeNode<>(null, null);
        Map<Long, TreeNode<Node>> nodes = new HashMap<>();
        agencies.stream().sorted(Comparator.comparingLong((Agency a) -> a.getPath().chars().filter(c -> c == '/').count())
                .thenComparing(Agency::getName)).forEach(agency -> {
                    TreeNode<Node> parentNode = agency.getParent() == null ? tree
                            : nodes.getOrDefault(agency.getParent().getId(), tree);
                    TreeNode<Node> node = new DefaultTreeNode<>(new Node(agency.getCode(), agency.getName(),
                            agency.getLevel(), agency.getSector(), own.getOrDefault(agency.getId(), 0L),
                            total.getOrDefault(agency.getId(), 0L), agency.isActive(), agency.getPath()), parentNode);
                    // The province and its districts show at once; communes open on demand, and the
                    // branch of the agency being changed stays open.
                    node.setExpanded(agency.getLevel() == Level.PROVINCE || openBranch.startsWith(agency.getPath()));
                    nodes.put(agency.getId(), node);
                });
    }

    /** The agency the admin picked in the tree (by keyboard or mouse). */
    public void onSelect(NodeSelectEvent event) {
        Object data = event.getTreeNode().getData();
        if (data instanceof Node node) {
            select(node.code());
        }
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

    public void close() {
        selected = null;
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

    public TreeNode<Node> getTree() {
        return tree;
    }

    public TreeNode<Node> getPicked() {
        return picked;
    }

    public void setPicked(TreeNode<Node> picked) {
        this.picked = picked;
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
