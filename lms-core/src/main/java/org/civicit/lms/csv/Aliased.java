package org.civicit.lms.csv;

import java.util.List;

/** An enumeration that also accepts other words for its constants, such as the Vietnamese ones. */
public interface Aliased {

    List<String> aliases();
}
