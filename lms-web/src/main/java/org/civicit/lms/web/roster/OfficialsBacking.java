package org.civicit.lms.web.roster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.web.security.Caller;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Behind {@code hr/officials.xhtml}: HR searches the officials of its subtree. */
@Named
@ViewScoped
public class OfficialsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Roster roster;

    @Inject
    Caller caller;

    private String text;
    private Level level;

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
