package org.civicit.lms.timetable;

import java.util.List;

import org.civicit.lms.csv.Aliased;

/**
 * How a trainee was at a session. Late still counts as attended; excused does not. A spreadsheet
 * may also give the words the register is kept in.
 */
public enum AttendanceStatus implements Aliased {
    PRESENT("Có mặt", "CO_MAT"),
    LATE("Đi muộn", "DI_MUON"),
    EXCUSED("Có phép", "Vắng có phép", "CO_PHEP"),
    ABSENT("Vắng", "Vắng không phép", "VANG");

    private final List<String> aliases;

    AttendanceStatus(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
