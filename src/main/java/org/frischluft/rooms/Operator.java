package org.frischluft.rooms;

/** Who runs the installation: a Schulträger, usually a city or a district ("Hansestadt Lübeck"). */
public record Operator(String id, String name) {
    /** The operator of a file that names none. */
    public static final Operator NONE = new Operator("", "");

    public Operator {
        id = id == null ? "" : id.strip();
        name = name == null || name.isBlank() ? id : name.strip();
    }

    public boolean isNamed() {
        return !id.isEmpty() || !name.isEmpty();
    }
}
