package org.civicit.lms.web.roster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Behind {@code hr/officials.xhtml}: HR searches the officials of its subtree, and sets a new
 * password for one who has lost theirs and has no e-mail address for the forgotten-password link.
 */
@Named
@ViewScoped
public class OfficialsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Roster roster;

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    private String text;
    private Level level;
    private String passwordFor;
    private String passwordForName;
    private String newPassword;

    private final LazyDataModel<Official> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) roster.officials(caller.scope(), query(), 1, 1).total();
        }

        @Override
        public List<Official> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return roster.officials(caller.scope(), query(), first / pageSize + 1, pageSize).items();
        }

        @Override
        public String getRowKey(Official official) {
            return official.getEmployeeCode();
        }
    };

    private OfficialQuery query() {
        return new OfficialQuery(level, null, null, true, null, text == null || text.isBlank() ? null : text,
                Boolean.TRUE);
    }

    /** Opens the new-password form for one official of the list. */
    public void choosePasswordFor(Official official) {
        passwordFor = official.getEmployeeCode();
        passwordForName = official.getFullName();
        newPassword = null;
    }

    public void cancelPassword() {
        passwordFor = null;
        newPassword = null;
    }

    /** Sets the chosen official's password, within the caller's scope and by the rule for every password. */
    public void setPassword() {
        try {
            accounts.setOfficialPassword(caller.scope(), caller.isAdmin(), passwordFor, newPassword);
            PageMessages.info("hr_officials.password.set", passwordForName, passwordFor);
            passwordFor = null;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
        newPassword = null;
    }

    public String getPasswordFor() {
        return passwordFor;
    }

    public String getPasswordForName() {
        return passwordForName;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public LazyDataModel<Official> getModel() {
        return model;
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }
}
