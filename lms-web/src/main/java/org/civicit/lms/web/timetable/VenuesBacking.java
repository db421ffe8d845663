package org.civicit.lms.web.timetable;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.Venue;
import org.civicit.lms.timetable.VenueImport;
import org.civicit.lms.timetable.VenueKind;
import org.civicit.lms.timetable.Venues;
import org.civicit.lms.web.CsvUpload;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.PageMessages;

/**
 * Behind {@code admin/venues.xhtml}: the venues, one added or changed by the service's rules
 * with each refusal shown beside its field, and the venues file imported with every error by line.
 */
@Named
@ViewScoped
public class VenuesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The field of the add form each refusal belongs to. */
    private static final Map<String, String> FIELDS = Map.of("timetable.venue.code", "code",
            "timetable.venue.exists", "code", "timetable.venue.name", "name", "timetable.venue.kind", "kind",
            "timetable.venue.seats", "seats", "timetable.venue.seatsBelowSession", "seats",
            "timetable.venue.address", "address");

    @Inject
    Venues venues;

    @Inject
    VenueImport venueImport;

    @Inject
    RequestOrigin origin;

    private final CsvUpload upload = new CsvUpload();

    private String code;
    private String name;
    private VenueKind kind = VenueKind.HALL;
    private Integer seats;
    private String address;

    private String selected;
    private String newName;
    private Integer newSeats;
    private String newAddress;

    public List<Venue> getVenues() {
        return venues.all();
    }

    public VenueKind[] getKinds() {
        return VenueKind.values();
    }

    public void create() {
        try {
            Venue venue = venues.create(new Venues.Draft(code == null ? null : code.strip(), name, kind, seats, address));
            PageMessages.info("admin_venues.created", venue.getCode());
            code = null;
            name = null;
            seats = null;
            address = null;
        } catch (BusinessException e) {
            refuse("venue", e);
        }
    }

    /** Opens a venue for changes. */
    public void select(String venueCode) {
        venues.find(venueCode).ifPresent(v -> {
            selected = v.getCode();
            newName = v.getName();
            newSeats = v.getSeats();
            newAddress = v.getAddress();
        });
    }

    public void save() {
        try {
            venues.change(selected, newName, newSeats, newAddress);
            PageMessages.info("admin_venues.saved", selected);
            selected = null;
        } catch (BusinessException e) {
            refuse("change", e);
        }
    }

    public void close() {
        selected = null;
    }

    public void importFile() {
        upload.send(origin, venueImport::apply);
    }

    /** A refusal beside the field it is about, else at the top of the page. */
    private static void refuse(String form, BusinessException e) {
        String field = FIELDS.get(e.messageKey());
        if (field == null) {
            PageMessages.refusal(e);
            return;
        }
        FacesContext.getCurrentInstance().addMessage(form + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                PageMessages.text(e.messageKey(), e.arguments().toArray()), null));
    }

    /** The venue being changed, as it stands now. */
    public Venue getCurrent() {
        return selected == null ? null : venues.find(selected).orElse(null);
    }

    public CsvUpload getUpload() {
        return upload;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public VenueKind getKind() {
        return kind;
    }

    public void setKind(VenueKind kind) {
        this.kind = kind;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Integer getNewSeats() {
        return newSeats;
    }

    public void setNewSeats(Integer newSeats) {
        this.newSeats = newSeats;
    }

    public String getNewAddress() {
        return newAddress;
    }

    public void setNewAddress(String newAddress) {
        this.newAddress = newAddress;
    }
}
