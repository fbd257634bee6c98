package dev.bulwark.engine.sim;

import dev.bulwark.engine.network.LinkSpec;
import dev.bulwark.engine.network.SharingPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the defence of a {@link World} is split between nations (nodes) and what they share: each
 * nation's radars, batteries, lasers and guns (by name), which nation (if any) leads, the directed
 * links between nations and the sharing policy of each ordered pair. A world without a coalition
 * is one nation holding everything ({@link #single}).
 *
 * <p>Nations are numbered in list order: nation k is network node k. Per-link keys are not held
 * here: they are derived from the world's seed ({@link dev.bulwark.engine.network.LinkKeys#fromSeed}),
 * so no key material ever sits in a scenario file.
 *
 * @param nations the nations, in node order; at least one
 * @param links   directed links, at most one per ordered pair
 * @param sharing what each nation gives each other over their link; an ordered pair with a link but
 *                no entry shares nothing
 */
public record Coalition(List<Nation> nations, List<Link> links, List<Sharing> sharing) {

    /**
     * One nation (a node): the names of its own sensors and effectors.
     *
     * @param name        unique name
     * @param radars      names of its radars
     * @param batteries   names of its interceptor batteries
     * @param lasers      names of its lasers
     * @param guns        names of its guns
     * @param lead        whether it holds assignment authority over the others' effectors (at most one
     *                    nation leads; with none, each nation defends itself)
     * @param compromised how this nation lies to its partners, or null for an honest nation
     */
    public record Nation(String name, List<String> radars, List<String> batteries, List<String> lasers,
            List<String> guns, boolean lead, Compromise compromised) {

        /** Copies the lists. */
        public Nation {
            radars = List.copyOf(radars);
            batteries = List.copyOf(batteries);
            lasers = List.copyOf(lasers);
            guns = List.copyOf(guns);
        }

        /** A nation without guns. */
        public Nation(String name, List<String> radars, List<String> batteries, List<String> lasers, boolean lead,
                Compromise compromised) {
            this(name, radars, batteries, lasers, List.of(), lead, compromised);
        }

        /** Whether the nation holds any effector. */
        public boolean armed() {
            return !batteries.isEmpty() || !lasers.isEmpty() || !guns.isEmpty();
        }
    }

    /**
     * A compromised partner that, from a time on, adds false tracks to what it sends (it holds valid
     * keys, so authentication does not stop them; the consistency check must).
     *
     * @param falseTracks number of false tracks it keeps alive in its reports
     * @param fromS       when it starts (s)
     */
    public record Compromise(int falseTracks, double fromS) {
        /** Checks the values. */
        public Compromise {
            if (falseTracks < 1 || !(fromS >= 0)) {
                throw new IllegalArgumentException("a compromise needs >= 1 false track and a start >= 0 s");
            }
        }
    }

    /**
     * One directed link.
     *
     * @param from sending nation
     * @param to   receiving nation
     * @param spec latency, bandwidth, loss and outages
     */
    public record Link(String from, String to, LinkSpec spec) {
    }

    /**
     * What one nation shares with another.
     *
     * @param from   sharing nation
     * @param to     receiving nation
     * @param policy the policy
     */
    public record Sharing(String from, String to, SharingPolicy policy) {
    }

    /** Checks the references and copies the lists. */
    public Coalition {
        nations = List.copyOf(nations);
        links = List.copyOf(links);
        sharing = List.copyOf(sharing);
        if (nations.isEmpty()) {
            throw new IllegalArgumentException("a coalition needs at least one nation");
        }
        Set<String> names = new HashSet<>();
        Set<String> members = new HashSet<>();
        int leads = 0;
        for (Nation n : nations) {
            if (!names.add(n.name())) {
                throw new IllegalArgumentException("nation " + n.name() + " appears twice");
            }
            for (List<String> l : List.of(n.radars(), n.batteries(), n.lasers(), n.guns())) {
                for (String m : l) {
                    if (!members.add(m)) {
                        throw new IllegalArgumentException(m + " belongs to more than one nation");
                    }
                }
            }
            leads += n.lead() ? 1 : 0;
        }
        if (leads > 1) {
            throw new IllegalArgumentException("at most one nation leads, got " + leads);
        }
        Set<String> pairs = new HashSet<>();
        for (Link l : links) {
            check(names, l.from(), l.to());
            if (!pairs.add(l.from() + "\u0000" + l.to())) {
                throw new IllegalArgumentException("link " + l.from() + " -> " + l.to() + " appears twice");
            }
        }
        Set<String> shared = new HashSet<>();
        for (Sharing s : sharing) {
            check(names, s.from(), s.to());
            if (!shared.add(s.from() + "\u0000" + s.to())) {
                throw new IllegalArgumentException("sharing " + s.from() + " -> " + s.to() + " appears twice");
            }
        }
    }

    private static void check(Set<String> names, String from, String to) {
        if (!names.contains(from) || !names.contains(to)) {
            throw new IllegalArgumentException("unknown nation in " + from + " -> " + to);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a nation cannot link to itself (" + from + ")");
        }
    }

    /** One nation, named after the world, holding every radar, battery, laser and gun, leading itself. */
    public static Coalition single(World world) {
        List<String> radars = new ArrayList<>();
        world.radars().forEach(r -> radars.add(r.name()));
        List<String> batteries = new ArrayList<>();
        world.batteries().forEach(b -> batteries.add(b.name()));
        List<String> lasers = new ArrayList<>();
        world.lasers().forEach(l -> lasers.add(l.name()));
        List<String> guns = new ArrayList<>();
        world.guns().forEach(g -> guns.add(g.name()));
        return new Coalition(List.of(new Nation(world.name(), radars, batteries, lasers, guns, false, null)),
                List.of(), List.of());
    }

    /** The node number of a nation, or −1. */
    public int index(String nation) {
        for (int k = 0; k < nations.size(); k++) {
            if (nations.get(k).name().equals(nation)) {
                return k;
            }
        }
        return -1;
    }

    /** The leading nation, or null if each defends itself. */
    public Nation lead() {
        return nations.stream().filter(Nation::lead).findFirst().orElse(null);
    }

    /** The link from one nation to another, or null. */
    public Link link(String from, String to) {
        return links.stream().filter(l -> l.from().equals(from) && l.to().equals(to)).findFirst().orElse(null);
    }

    /** The sharing policy from one nation to another, or null (nothing shared). */
    public SharingPolicy policy(String from, String to) {
        return sharing.stream().filter(s -> s.from().equals(from) && s.to().equals(to)).map(Sharing::policy)
                .findFirst().orElse(null);
    }

    /** The same coalition with other links (to cut one, for example). */
    public Coalition withLinks(List<Link> newLinks) {
        return new Coalition(nations, newLinks, sharing);
    }

    /** The same coalition with other nations (to make one compromised, for example). */
    public Coalition withNations(List<Nation> newNations) {
        return new Coalition(newNations, links, sharing);
    }

    /** The same coalition with other sharing policies. */
    public Coalition withSharing(List<Sharing> newSharing) {
        return new Coalition(nations, links, newSharing);
    }
}
