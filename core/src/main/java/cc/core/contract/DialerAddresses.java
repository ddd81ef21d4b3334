package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * Event-bus addresses of the dialer, {@code cc.dialer.<entity>.<verb>}: what the console's campaign pages ask of it.
 * Every one is a request; a failure reply carries a message a campaign manager can act on (naming the field that is
 * wrong). The dialer answers from its own state; the console never reads the dialer's tables.
 */
public final class DialerAddresses {
    private DialerAddresses() {}

    /** {@link ListCampaigns}: every campaign with its status and progress (reply {@link CampaignList}). */
    public static final String CAMPAIGN_LIST = "cc.dialer.campaign.list";

    /** {@link SaveCampaign}: create or change a campaign that is not running (reply {@link CampaignView}). */
    public static final String CAMPAIGN_SAVE = "cc.dialer.campaign.save";

    /** {@link ControlCampaign}: start, pause or stop a campaign (reply {@link CampaignView}). */
    public static final String CAMPAIGN_CONTROL = "cc.dialer.campaign.control";

    /** {@link CampaignReportQuery}: the campaign's day reports over a range of days (reply {@link CampaignReport}). */
    public static final String CAMPAIGN_REPORT = "cc.dialer.campaign.report";

    /** {@link BuildSegmentList}: build (or preview) a call list from a customer segment (reply {@link ContactListBuilt}). */
    public static final String LIST_FROM_SEGMENT = "cc.dialer.list.from-segment";

    /** {@link ImportContactList}: import a CSV call list with a validation report (reply {@link ContactListBuilt}). */
    public static final String LIST_IMPORT = "cc.dialer.list.import";

    /** {@link ListContactLists}: the call lists there are (reply {@link ContactListIndex}). */
    public static final String LIST_INDEX = "cc.dialer.list.index";

    /**
     * {@link TakePreviewRecord}: the next callable contact of a running preview campaign on the agent's queues,
     * reserved to that agent (reply {@link PreviewRecord}; the same one while the agent holds it; 404 when there is
     * none now).
     */
    public static final String PREVIEW_NEXT = "cc.dialer.preview.next";

    /**
     * {@link DialPreviewRecord}: dial the record the agent holds, the agent's phone first, then the customer through
     * the campaign's trunk, after the dial permissions and the do-not-call list (reply {@link PreviewDialled}; 404 no
     * such campaign; 409 with the reason when the record is not the agent's or the dial is refused).
     */
    public static final String PREVIEW_DIAL = "cc.dialer.preview.dial";

    /** {@link SkipPreviewRecord}: the agent passes on the record they hold (reply empty; 404, 409 as above). */
    public static final String PREVIEW_SKIP = "cc.dialer.preview.skip";

    /** {@link AddDoNotCall}: put a number on the do-not-call list at once (reply {@link DoNotCallAdded}). */
    public static final String DNC_ADD = "cc.dialer.do-not-call.add";

    /**
     * {@link ScheduleCampaignCallback}: call a campaign contact back at a time (reply the request; 404 no such campaign
     * or contact; 409 a stopped campaign).
     */
    public static final String CAMPAIGN_CALLBACK = "cc.dialer.campaign.callback";

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(ListCampaigns.class, CampaignList.class,
            SaveCampaign.class, CampaignView.class, ControlCampaign.class, CampaignReportQuery.class,
            CampaignReport.class, BuildSegmentList.class, ImportContactList.class, ContactListBuilt.class,
            ListContactLists.class, ContactListIndex.class, TakePreviewRecord.class, PreviewRecord.class,
            DialPreviewRecord.class, PreviewDialled.class, SkipPreviewRecord.class, AddDoNotCall.class,
            DoNotCallAdded.class, ScheduleCampaignCallback.class);

    /** Registers the local codec of every dialer record (safe to call from each component that needs them). */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
