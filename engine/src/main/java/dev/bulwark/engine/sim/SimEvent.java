package dev.bulwark.engine.sim;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * What the simulation reports as it runs: immutable records published on the {@link EventBus}
 * in simulated-time order. Recorders (the results module, the summary collector) subscribe;
 * no stage reads them back.
 *
 * <p>Identifiers: {@code threatId} numbers the true threats from 1 in launch order;
 * {@code trackId} numbers the tracker's tracks; {@code interceptorId} the interceptors fired.
 * A {@code threatId} of 0 in a decision or engagement means the track could not be matched
 * to a true threat (a false track); the match is made by the simulation for reporting only,
 * never by the tracker or battle manager.
 */
public sealed interface SimEvent {

    /** Simulated time of the event (s). */
    double time();

    /** A stable lower-case name of the event kind, for files. */
    String kind();

    /**
     * A threat left its launcher.
     *
     * @param category            the type's broad class ({@code rocket_artillery_mortar}, {@code drone},
     *                            {@code cruise_missile}, {@code ballistic_missile})
     * @param predictedImpact     where its true trajectory meets the ground if nothing stops it
     * @param predictedImpactTime when (s)
     * @param boundFor            the defended area containing that point, or null for open ground
     */
    record ThreatLaunched(double time, int threatId, String raid, String threatType, String category,
            GeodeticPoint launchPoint,
            GeodeticPoint aimPoint, GeodeticPoint predictedImpact, double predictedImpactTime, String boundFor)
            implements SimEvent {
        @Override
        public String kind() {
            return "threat_launched";
        }
    }

    /**
     * A threat reached the highest point of its flight (found by root finding on its trajectory).
     *
     * @param altitudeM height above the ellipsoid (m)
     */
    record Apogee(double time, int threatId, double altitudeM) implements SimEvent {
        @Override
        public String kind() {
            return "apogee";
        }
    }

    /**
     * A threat entered the region where a battery could intercept it: the engagement envelope
     * computed from the interceptor's fly-out model, within the battery's doctrine limits on range
     * and altitude (found by root finding on its true trajectory; truth, for the analyst, not seen
     * by battle management).
     *
     * @param battery   the battery
     * @param leaveTime when the threat leaves that region if it flies on (s)
     */
    record EnvelopeEntered(double time, int threatId, String battery, double leaveTime) implements SimEvent {
        @Override
        public String kind() {
            return "envelope_entered";
        }
    }

    /**
     * Tracking quality over a window of simulated time (measuring only; nothing reads it):
     * the mean over the scans in the window of GOSPA (α = 2, c = 500 m, p = 1; Rahmathullah,
     * García-Fernández &amp; Svensson, FUSION 2017) between the confirmed tracks and the true
     * threats in each scan's volume, with its parts, and the position RMSE of the paired tracks.
     *
     * @param windowStart      start of the window (s); it ends at {@code time}
     * @param scans            scans in the window with a threat or a track
     * @param gospaM           mean GOSPA per scan (m)
     * @param localisationM    mean distance of the tracks paired with threats (m); NaN if none were
     * @param missedPerScan    mean number of threats without a track
     * @param falsePerScan     mean number of tracks without a threat (false or broken tracks)
     * @param rmseM            position RMSE of the tracks paired with threats by the GOSPA assignment, pooled
     *                         over the pairs of every scan in the window: √(Σ d² / pairs) (m); NaN if none were
     */
    record TrackingQuality(double time, double windowStart, int scans, double gospaM, double localisationM,
            double missedPerScan, double falsePerScan, double rmseM) implements SimEvent {
        @Override
        public String kind() {
            return "tracking_quality";
        }
    }

    /** A track met the confirmation rule. */
    record TrackConfirmed(double time, int trackId, int threatId, GeodeticPoint position) implements SimEvent {
        @Override
        public String kind() {
            return "track_confirmed";
        }
    }

    /** A track was dropped. */
    record TrackDropped(double time, int trackId, String reason) implements SimEvent {
        @Override
        public String kind() {
            return "track_dropped";
        }
    }

    /**
     * Threat evaluation's view of one confirmed track in one decision cycle: the track's estimate
     * and where and when it is predicted to land, with the uncertainty of that prediction. One per
     * confirmed track per decision cycle (the tracker's own information only; {@code threatId}
     * is the analyst's truth match, which battle management never reads).
     *
     * @param position            the track's position estimate
     * @param velocityEastMps     its velocity estimate, east component (m/s, local east-north-up at the track)
     * @param velocityNorthMps    north component (m/s)
     * @param velocityUpMps       up component (m/s)
     * @param positionSigmaM      the root of the trace of the track's position covariance (m)
     * @param predictedImpact     the predicted impact point (for a powered threat judged by its course:
     *                            the middle of its course through the area it threatens)
     * @param predictedImpactTime when (s)
     * @param impactSemiMajorM    the impact ellipse's semi-major axis, one standard deviation (m)
     * @param impactSemiMinorM    its semi-minor axis (m)
     * @param impactAxisAzimuthDeg the azimuth of the major axis, degrees clockwise from north in [0, 180)
     * @param probability         probability of impact inside any defended area
     * @param area                the defended area most likely hit, or null
     * @param valueAtRisk         Σ probability × value over the defended areas
     */
    record Assessed(double time, int trackId, int threatId, GeodeticPoint position, double velocityEastMps,
            double velocityNorthMps, double velocityUpMps, double positionSigmaM, GeodeticPoint predictedImpact,
            double predictedImpactTime, double impactSemiMajorM, double impactSemiMinorM, double impactAxisAzimuthDeg,
            double probability, String area, double valueAtRisk) implements SimEvent {
        @Override
        public String kind() {
            return "assessment";
        }
    }

    /**
     * Battle management changed its decision about a track: engage it, or hold fire and why.
     *
     * @param decision    {@code engage} or {@code hold}
     * @param reason      why (a {@code dev.bulwark.engine.assign.Reason} key)
     * @param area        the defended area most likely hit, or null
     * @param probability probability of impact inside any defended area
     */
    record EngagementDecision(double time, int trackId, int threatId, String decision, String reason, String area,
            double probability) implements SimEvent {
        @Override
        public String kind() {
            return "decision";
        }
    }

    /**
     * A threat was engaged by a layer of the defence other than the one that should have taken it
     * (lasers are layer 0, batteries and guns their {@code layer}; a battery's is 1 by default).
     *
     * @param battery     the battery, or the gun, that engages it
     * @param fromLayer   the preferred layer
     * @param toLayer     the layer that engages
     * @param reason      why the preferred layer could not: {@code laser_cannot_finish}, {@code no_feasible_intercept},
     *                    {@code no_stock}, {@code stock_saved}, or {@code shot_limit} (a gun after the last interceptor)
     * @param firedBefore interceptors already fired at the threat (a second shot after a miss when above 0)
     */
    record Handover(double time, int trackId, int threatId, String battery, int fromLayer, int toLayer, String reason,
            int firedBefore) implements SimEvent {
        @Override
        public String kind() {
            return "handover";
        }
    }

    /** An interceptor was launched at a track. */
    record InterceptorLaunched(double time, int interceptorId, String battery, int trackId, int threatId,
            GeodeticPoint interceptPoint, double interceptTime, double costUsd) implements SimEvent {
        @Override
        public String kind() {
            return "interceptor_launched";
        }
    }

    /**
     * A laser began an engagement of a track: it slews, then dwells on it.
     *
     * @param threatId   the true threat matched to the track, or 0
     * @param dwellStart when the dwell starts (s)
     * @param dwellEnd   when the planned energy will have been delivered (s)
     * @param costUsd    cost of the shot (USD)
     */
    record LaserEngaged(double time, String laser, int trackId, int threatId, double dwellStart, double dwellEnd,
            double costUsd) implements SimEvent {
        @Override
        public String kind() {
            return "laser_engaged";
        }
    }

    /**
     * A laser engagement ended.
     *
     * @param threatId       the true threat, or 0 if none (a false track)
     * @param kill           whether it was destroyed
     * @param energyFraction share of the energy that defeats it actually delivered along its true path (1 or more: enough)
     * @param reason         {@code kill}, {@code miss} (enough energy, failed the kill draw), {@code not_enough_energy}
     *                       (the true target is harder, farther or left reach), {@code no_target}
     */
    record LaserOutcome(double time, String laser, int threatId, boolean kill, double energyFraction, String reason)
            implements SimEvent {
        @Override
        public String kind() {
            return "laser_outcome";
        }
    }

    /**
     * A gun began an engagement of a track: it slews, then fires one burst.
     *
     * @param threatId          the true threat matched to the track, or 0
     * @param fireStart         when the first round leaves (s)
     * @param fireEnd           when the last round leaves (s)
     * @param interceptTime     when the middle of the burst meets the predicted path (s)
     * @param rangeM            planned slant range then (m)
     * @param rounds            rounds in the burst
     * @param probabilityOfKill the burst's planned probability of kill at that range
     * @param costUsd           cost of the rounds (USD)
     */
    record GunEngaged(double time, String gun, int trackId, int threatId, double fireStart, double fireEnd,
            double interceptTime, double rangeM, int rounds, double probabilityOfKill, double costUsd)
            implements SimEvent {
        @Override
        public String kind() {
            return "gun_engaged";
        }
    }

    /**
     * A gun's burst reached its target, decided on the true threat at the intercept time.
     *
     * @param threatId          the true threat, or 0 if none (a false track)
     * @param kill              whether it was destroyed
     * @param rangeM            true slant range of the threat from the gun (m); NaN without a target
     * @param probabilityOfKill the burst's probability of kill at that range (0 out of reach)
     * @param reason            {@code kill}, {@code miss} (within reach, failed the kill draw), {@code out_of_reach}
     *                          (the true threat beyond range, below the minimum altitude or too fast), {@code no_target}
     *                          (already destroyed or landed, or a false track)
     */
    record GunOutcome(double time, String gun, int threatId, boolean kill, double rangeM, double probabilityOfKill,
            String reason) implements SimEvent {
        @Override
        public String kind() {
            return "gun_outcome";
        }
    }

    /**
     * An interceptor reached its intercept point.
     *
     * @param threatId      the true threat nearest the intercept point, or 0 if none was alive
     * @param kill          whether that threat was destroyed
     * @param missDistanceM distance from the predicted intercept point to that threat (m)
     * @param reason        {@code kill}, {@code miss} (inside divert radius, failed the kill draw),
     *                      {@code out_of_reach} (prediction error beyond the divert radius) or
     *                      {@code no_target}
     */
    record InterceptOutcome(double time, int interceptorId, String battery, int threatId, boolean kill,
            double missDistanceM, String reason) implements SimEvent {
        @Override
        public String kind() {
            return "intercept";
        }
    }

    /**
     * A threat hit the ground.
     *
     * @param area     the defended area it fell in, or null for open ground
     * @param areaKind that area's kind, or null
     */
    record Impact(double time, int threatId, GeodeticPoint point, String area, String areaKind) implements SimEvent {
        @Override
        public String kind() {
            return "impact";
        }
    }

    /**
     * Interceptors were delivered to a battery's reserve (a scheduled resupply).
     *
     * @param rounds  rounds delivered
     * @param ready   rounds on the launchers after it
     * @param reserve rounds in the reserve after it
     */
    record Resupplied(double time, String battery, int rounds, int ready, int reserve) implements SimEvent {
        @Override
        public String kind() {
            return "resupplied";
        }
    }

    /** A battery fired its last round: nothing on its launchers or in its reserve until a delivery. */
    record StockOut(double time, String battery) implements SimEvent {
        @Override
        public String kind() {
            return "stock_out";
        }
    }

    /** A battery's stock changed (a launch or a completed reload). */
    record StockChanged(double time, String battery, int ready, int reserve) implements SimEvent {
        @Override
        public String kind() {
            return "stock";
        }
    }
}
