package org.civicit.lms.web.roster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Role;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code admin/accounts.xhtml}: the admin finds accounts, creates staff accounts,
 * changes their roles and HR agency, disables or enables them and sets a new password.
 */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** More than a clerk reads; a narrower search finds the rest. */
    static final int SHOWN = 100;
    /** The roles the admin grants; an official is a trainee by being one. */
    private static final List<Role> GRANTED = List.of(Role.ADMIN, Role.HR, Role.INSTRUCTOR);

    @Inject
    Accounts accounts;

    @Inject
    Roster roster;

    @Inject
    Caller caller;

    private String text;
    private boolean staffOnly = true;
    private List<Row> found = List.of();

    private String newUsername;
    private String newPassword;
    private List<String> newRoles = new ArrayList<>();
    private String newAgency;

    private String selected;
    private List<String> roles = new ArrayList<>();
    private String agency;
    private String password;

    /** An account as the list shows it. */
    public record Row(String username, Set<Role> roles, String agencyName, boolean disabled, String fullName)
            implements Serializable {
    }

    /** An agency an HR account may be attached to. */
    public record Choice(String code, String label) implements Serializable {
    }

    @PostConstruct
    void firstList() {
        search();
    }

    public void search() {
        found = accounts.search(text, staffOnly, SHOWN + 1).stream().map(AccountsBacking::row).toList();
    }

    private static Row row(Account account) {
        return new Row(account.getUsername(), copy(account.getRoles()),
                account.getAgency() == null ? null : account.getAgency().getName(), account.isDisabled(),
                account.getOfficial() == null ? null : account.getOfficial().getFullName());
    }

    private static Set<Role> copy(Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void create() {
        try {
            accounts.create(newUsername, newPassword, roles(newRoles), blankToNull(newAgency));
            PageMessages.info("admin_accounts.created", newUsername.strip());
            text = newUsername.strip();
            select(text);
            newUsername = null;
            newPassword = null;
            newRoles = new ArrayList<>();
            newAgency = null;
            search();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    /** Opens an account for changes. */
    public void select(String username) {
        accounts.find(username).ifPresent(account -> {
            selected = account.getUsername();
            roles = account.getRoles().stream().filter(GRANTED::contains).map(Enum::name)
                    .collect(Collectors.toCollection(ArrayList::new));
            agency = account.getAgency() == null ? null : account.getAgency().getCode();
            password = null;
        });
    }

    public void saveRoles() {
        try {
            accounts.save(selected, null, roles(roles), blankToNull(agency));
            PageMessages.info("admin_accounts.saved", selected);
            search();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void disable() {
        setDisabled(true);
    }

    public void enable() {
        setDisabled(false);
    }

    private void setDisabled(boolean disabled) {
        try {
            accounts.setDisabled(selected, disabled, caller.username());
            PageMessages.info(disabled ? "admin_accounts.disabled" : "admin_accounts.enabled", selected);
            search();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void setNewPasswordOfSelected() {
        try {
            accounts.setPassword(selected, password);
            PageMessages.info("admin_accounts.passwordSet", selected);
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        } finally {
            password = null;
        }
    }

    public void close() {
        selected = null;
    }

    /** The selected account as it stands now. */
    public Row getCurrent() {
        return selected == null ? null : accounts.find(selected).map(AccountsBacking::row).orElse(null);
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        names.forEach(name -> set.add(Role.valueOf(name)));
        return set;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Active agencies, and the one the selected account is attached to even if it is not. */
    public List<Choice> getAgencies() {
        return roster.agencies(Scope.ALL).stream()
                .filter(a -> a.isActive() || a.getCode().equals(agency))
                .map(a -> new Choice(a.getCode(), a.getName() + " (" + a.getCode() + ")"))
                .sorted((x, y) -> x.label().compareToIgnoreCase(y.label()))
                .toList();
    }

    public String roleNames(Set<Role> granted) {
        return granted.stream().map(role -> PageMessages.text("Role." + role.name())).collect(Collectors.joining(", "));
    }

    public List<Role> getGrantable() {
        return GRANTED;
    }

    public List<Row> getFound() {
        return found.size() > SHOWN ? found.subList(0, SHOWN) : found;
    }

    public boolean isMore() {
        return found.size() > SHOWN;
    }

    public int getShown() {
        return SHOWN;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isStaffOnly() {
        return staffOnly;
    }

    public void setStaffOnly(boolean staffOnly) {
        this.staffOnly = staffOnly;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public String getNewAgency() {
        return newAgency;
    }

    public void setNewAgency(String newAgency) {
        this.newAgency = newAgency;
    }

    public String getSelected() {
        return selected;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
