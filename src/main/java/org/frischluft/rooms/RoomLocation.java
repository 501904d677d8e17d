package org.frischluft.rooms;

/** Where a room is: its site, building and floor. */
public record RoomLocation(Site site, Building building, Floor floor, Room room) {
}
