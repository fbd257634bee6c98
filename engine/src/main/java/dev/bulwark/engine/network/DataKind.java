package dev.bulwark.engine.network;

/** The kinds of data a sharing policy can allow, one per {@link Message} type. */
public enum DataKind {
    /** Single detections ({@link PlotReport}). */
    PLOTS,
    /** Local track estimates ({@link TrackReport}). */
    TRACKS,
    /** What a node's effectors are doing about a track ({@link EngagementStatus}). */
    ENGAGEMENT_STATUS
}
