-- Views for BI tools (the data warehouse): stable names and types over the server's own tables, times in UTC with
-- the report zone's local date beside them, durations in seconds, no secrets. Documented in docs/warehouse.md.
-- Applied after every other module (launcher Server.SCHEMA_MODULES), so every table below exists.

create table dw_report_zone (
    id   smallint    primary key check (id = 1),
    zone varchar(64) not null
);
insert into dw_report_zone (id, zone) values (1, 'UTC');
comment on table dw_report_zone is 'The time zone the views cut local dates in: reports.zone, written by the server at each start (one row)';
comment on column dw_report_zone.zone is 'An IANA zone name such as Asia/Tehran';

create table dw_export_log (
    view_name   varchar(64)  not null,
    export_day  date         not null,
    format      varchar(8)   not null,
    path        varchar(400) not null,
    row_count   bigint       not null,
    bytes       bigint       not null,
    file_sha256 varchar(64)  not null,
    rows_sha256 varchar(64)  not null,
    exported_at timestamp with time zone not null,
    primary key (view_name, export_day)
);
comment on table dw_export_log is 'What the daily warehouse export wrote: one row per view and report-zone day, replaced when the day is exported again';
comment on column dw_export_log.view_name is 'The view exported (dw_interactions...)';
comment on column dw_export_log.export_day is 'The report-zone day (reports.zone) the file holds';
comment on column dw_export_log.format is 'parquet or csv';
comment on column dw_export_log.path is 'The file, relative to warehouse.directory';
comment on column dw_export_log.row_count is 'Rows in the file';
comment on column dw_export_log.bytes is 'Size of the file in bytes';
comment on column dw_export_log.file_sha256 is 'SHA-256 of the file, hex';
comment on column dw_export_log.rows_sha256 is 'SHA-256 of the rows as read from the view, hex: a later run that reads other rows for the day exports it again';
comment on column dw_export_log.exported_at is 'When the file was written (UTC)';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_interactions as
select i.id                                                                             as interaction_id,
       i.channel                                                                        as channel,
       i.direction                                                                      as direction,
       i.server                                                                         as asterisk_server,
       i.call_id                                                                        as call_id,
       i.caller_number                                                                  as caller_number,
       i.caller_name                                                                    as caller_name,
       i.dialed_number                                                                  as dialed_number,
       i.customer_id                                                                    as customer_id,
       i.campaign_id                                                                    as campaign_id,
       i.queue                                                                          as queue,
       i.agent_id                                                                       as agent_id,
       i.handled_by                                                                     as handled_by,
       i.offered_at                                                                     as offered_at,
       i.answered_at                                                                    as answered_at,
       i.agent_answered_at                                                              as agent_answered_at,
       i.ended_at                                                                       as ended_at,
       cast(to_char(i.offered_at at time zone z.zone, 'YYYY-MM-DD') as date)            as offered_local_date,
       cast(to_char(i.offered_at at time zone z.zone, 'HH24') as integer)               as offered_local_hour,
       cast(extract(epoch from i.agent_answered_at) - extract(epoch from i.offered_at) as double precision)
                                                                                        as seconds_to_agent,
       cast(extract(epoch from i.ended_at) - extract(epoch from i.offered_at) as double precision)
                                                                                        as duration_seconds,
       i.abandoned_where                                                                as abandoned_where,
       i.end_cause                                                                      as end_cause,
       i.disposition                                                                    as disposition,
       i.notes                                                                          as notes,
       cast(i.satisfaction as integer)                                                  as satisfaction,
       i.segments_kept                                                                  as segments_kept
from interactions i cross join dw_report_zone z;

comment on view dw_interactions is 'One row per customer contact (call): who, when, where it went, how it ended. Segments in dw_interaction_segments, IVR path in dw_ivr_steps';
comment on column dw_interactions.interaction_id is 'The interaction''s id; the key of this view and what segments, IVR steps, attempts and evaluations refer to';
comment on column dw_interactions.channel is 'voice, web, email, fax or chat (calls are voice)';
comment on column dw_interactions.direction is 'inbound or outbound';
comment on column dw_interactions.asterisk_server is 'The Asterisk server that carried the call (asterisk.servers[].name)';
comment on column dw_interactions.call_id is 'Asterisk''s Linkedid of the call on that server';
comment on column dw_interactions.caller_number is 'The caller''s number as Asterisk last gave it';
comment on column dw_interactions.caller_name is 'The caller ID name, empty when none';
comment on column dw_interactions.dialed_number is 'The number dialled (the DID of an inbound call, the customer''s of an outbound one)';
comment on column dw_interactions.customer_id is 'The customer recognised by caller ID or account; null when unknown';
comment on column dw_interactions.campaign_id is 'The outbound campaign of a dialer call; null otherwise';
comment on column dw_interactions.queue is 'The last queue the call waited in; null when it never queued';
comment on column dw_interactions.agent_id is 'The last agent who talked (before segments were kept: the last agent offered)';
comment on column dw_interactions.handled_by is 'Every agent who talked, comma-separated, in order';
comment on column dw_interactions.offered_at is 'When the call reached the server (UTC); the day it is exported under is this in the report zone';
comment on column dw_interactions.answered_at is 'When the system (IVR or holding context) answered (UTC); null if never';
comment on column dw_interactions.agent_answered_at is 'When an agent first answered (UTC); null if no agent did';
comment on column dw_interactions.ended_at is 'When the call ended (UTC); null while in progress';
comment on column dw_interactions.offered_local_date is 'offered_at''s date in the report zone (reports.zone)';
comment on column dw_interactions.offered_local_hour is 'offered_at''s hour (0-23) in the report zone';
comment on column dw_interactions.seconds_to_agent is 'Seconds from offered to an agent''s answer; null if no agent answered';
comment on column dw_interactions.duration_seconds is 'Seconds from offered to the end; null while in progress';
comment on column dw_interactions.abandoned_where is 'Where the caller gave up: ivr, queue, ringing, abandon-message, before-answer; null if not abandoned';
comment on column dw_interactions.end_cause is 'Asterisk''s hang-up cause text';
comment on column dw_interactions.disposition is 'The agent''s disposition code (sale, resolved...); null until set, may arrive after the call';
comment on column dw_interactions.notes is 'The agent''s notes';
comment on column dw_interactions.satisfaction is 'Post-call survey answer 1 (worst) to 5 (best); null when not answered';
comment on column dw_interactions.segments_kept is 'true when the call''s segments are in dw_interaction_segments (records made before segments existed: false)';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_interaction_segments as
select s.interaction_id                                                                 as interaction_id,
       s.seq                                                                            as seq,
       s.kind                                                                           as kind,
       s.started_at                                                                     as started_at,
       s.ended_at                                                                       as ended_at,
       cast(extract(epoch from s.ended_at) - extract(epoch from s.started_at) as double precision)
                                                                                        as duration_seconds,
       s.agent_id                                                                       as agent_id,
       s.queue                                                                          as queue,
       s.flow                                                                           as flow,
       s.outcome                                                                        as outcome,
       s.detail                                                                         as detail,
       i.offered_at                                                                     as interaction_offered_at,
       cast(to_char(i.offered_at at time zone z.zone, 'YYYY-MM-DD') as date)            as interaction_local_date
from interaction_segments s
join interactions i on i.id = s.interaction_id
cross join dw_report_zone z;

comment on view dw_interaction_segments is 'The parts of each interaction in order: IVR, queue waits, agent rings, talks, holds, transfers, conferences, wrap-up. Exported under the day of its interaction';
comment on column dw_interaction_segments.interaction_id is 'The interaction (dw_interactions.interaction_id)';
comment on column dw_interaction_segments.seq is 'Order within the interaction, from 0; (interaction_id, seq) is the key';
comment on column dw_interaction_segments.kind is 'ivr, queue, offer (an agent''s phone ringing), talk, hold, transfer, conference, abandon-message, wrap-up';
comment on column dw_interaction_segments.started_at is 'When the segment began (UTC)';
comment on column dw_interaction_segments.ended_at is 'When it ended (UTC); null while open';
comment on column dw_interaction_segments.duration_seconds is 'Seconds from start to end; null while open';
comment on column dw_interaction_segments.agent_id is 'The agent (offers, talks, holds, wrap-up); empty otherwise';
comment on column dw_interaction_segments.queue is 'The queue (waits, offers, talks); empty otherwise';
comment on column dw_interaction_segments.flow is 'The IVR flow (ivr segments); empty otherwise';
comment on column dw_interaction_segments.outcome is 'How it ended: answered, abandoned, overflow, callback, no-answer, refused, failed, caller-left, cancelled, caller-hung-up, agent-hung-up, completed, enqueued, ended...';
comment on column dw_interaction_segments.detail is 'More about the outcome (where an overflow or transfer went, a flow''s exit node)';
comment on column dw_interaction_segments.interaction_offered_at is 'The interaction''s offered_at (UTC), the day this row is exported under';
comment on column dw_interaction_segments.interaction_local_date is 'The interaction''s offered date in the report zone';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_ivr_steps as
select t.interaction_id                                                                 as interaction_id,
       t.seq                                                                            as seq,
       t.node                                                                           as node,
       case when length(t.input) <= 2 then t.input end                                  as menu_keys,
       cast(length(t.input) as integer)                                                 as keys_pressed,
       t.at                                                                             as at,
       i.offered_at                                                                     as interaction_offered_at,
       cast(to_char(i.offered_at at time zone z.zone, 'YYYY-MM-DD') as date)            as interaction_local_date
from interaction_ivr_steps t
join interactions i on i.id = t.interaction_id
cross join dw_report_zone z;

comment on view dw_ivr_steps is 'Each caller''s path through the IVR: the nodes entered and the keys pressed on each. Exported under the day of its interaction';
comment on column dw_ivr_steps.interaction_id is 'The interaction (dw_interactions.interaction_id)';
comment on column dw_ivr_steps.seq is 'Order within the interaction; (interaction_id, seq) is the key';
comment on column dw_ivr_steps.node is 'The IVR node id (in the flow''s YAML)';
comment on column dw_ivr_steps.menu_keys is 'The keys pressed on this node when at most two (menu choices); null for longer entries, which may be account or card numbers and are left out';
comment on column dw_ivr_steps.keys_pressed is 'How many keys were pressed on this node (0 when none)';
comment on column dw_ivr_steps.at is 'When the node was entered or the keys pressed (UTC)';
comment on column dw_ivr_steps.interaction_offered_at is 'The interaction''s offered_at (UTC), the day this row is exported under';
comment on column dw_ivr_steps.interaction_local_date is 'The interaction''s offered date in the report zone';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_agent_states as
select a.id                                                                             as spell_id,
       a.agent_id                                                                       as agent_id,
       a.state                                                                          as state,
       a.reason                                                                         as pause_reason,
       a.call_id                                                                        as call_id,
       a.started_at                                                                     as started_at,
       a.ended_at                                                                       as ended_at,
       cast(extract(epoch from a.ended_at) - extract(epoch from a.started_at) as double precision)
                                                                                        as duration_seconds,
       cast(to_char(a.started_at at time zone z.zone, 'YYYY-MM-DD') as date)            as started_local_date
from acd_agent_state_spell a cross join dw_report_zone z;

comment on view dw_agent_states is 'How each agent''s time was spent: one row per spell in a state. Exported under the day the spell started';
comment on column dw_agent_states.spell_id is 'The spell''s id; the key of this view';
comment on column dw_agent_states.agent_id is 'The agent (acd.agents[].id)';
comment on column dw_agent_states.state is 'logged-out, available, reserved, ringing, on-call, wrap-up or paused';
comment on column dw_agent_states.pause_reason is 'The pause reason code (break, ring-no-answer...); empty for other states';
comment on column dw_agent_states.call_id is 'The call the spell concerns while reserved, ringing, on a call or in wrap-up; empty otherwise';
comment on column dw_agent_states.started_at is 'When the agent entered the state (UTC)';
comment on column dw_agent_states.ended_at is 'When the agent left it (UTC); null while it is the agent''s current state';
comment on column dw_agent_states.duration_seconds is 'Seconds in the state; null while current';
comment on column dw_agent_states.started_local_date is 'started_at''s date in the report zone (a spell across midnight stays on the day it began)';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_campaigns as
select c.id                                                                             as campaign_id,
       c.name                                                                           as name,
       c.mode                                                                           as mode,
       c.status                                                                         as status,
       c.queue                                                                          as queue,
       c.list_ids                                                                       as list_ids,
       c.first_day                                                                      as first_day,
       c.last_day                                                                       as last_day,
       cast(c.opens as varchar(8))                                                      as opens,
       cast(c.closes as varchar(8))                                                     as closes,
       c.days_off                                                                       as days_off,
       c.max_attempts                                                                   as max_attempts,
       c.max_lines                                                                      as max_lines,
       c.currency                                                                       as currency,
       c.cost_per_dial                                                                  as cost_per_dial,
       c.cost_per_minute                                                                as cost_per_minute,
       c.revenue_per_conversion                                                         as revenue_per_conversion,
       c.regulator                                                                      as regulator,
       c.machine_action                                                                 as machine_action,
       c.recording                                                                      as recording,
       c.changed_at                                                                     as changed_at,
       c.changed_by                                                                     as changed_by
from dialer_campaigns c;

comment on view dw_campaigns is 'Outbound campaigns as defined now; exported whole each day (a snapshot), under the last closed day';
comment on column dw_campaigns.campaign_id is 'The campaign''s id; the key of this view, and what dw_campaign_attempts and dw_interactions refer to';
comment on column dw_campaigns.name is 'The name shown in the console';
comment on column dw_campaigns.mode is 'PREDICTIVE, PROGRESSIVE or PREVIEW';
comment on column dw_campaigns.status is 'DRAFT, RUNNING, PAUSED, STOPPED or FINISHED';
comment on column dw_campaigns.queue is 'The ACD queue live answers go to';
comment on column dw_campaigns.list_ids is 'The call lists dialled, comma-separated';
comment on column dw_campaigns.first_day is 'First calling day';
comment on column dw_campaigns.last_day is 'Last calling day';
comment on column dw_campaigns.opens is 'Daily calling window start, customer''s local time, HH:MM:SS';
comment on column dw_campaigns.closes is 'Daily calling window end, customer''s local time, HH:MM:SS';
comment on column dw_campaigns.days_off is 'Weekdays not called, comma-separated (MONDAY...)';
comment on column dw_campaigns.max_attempts is 'Most attempts per contact';
comment on column dw_campaigns.max_lines is 'Most calls up at once for the campaign';
comment on column dw_campaigns.currency is 'ISO 4217 code of the three amounts below';
comment on column dw_campaigns.cost_per_dial is 'Cost of each dial, in currency';
comment on column dw_campaigns.cost_per_minute is 'Cost of each minute of talk, in currency';
comment on column dw_campaigns.revenue_per_conversion is 'Revenue of each conversion (a conversion disposition), in currency';
comment on column dw_campaigns.regulator is 'The abandon-rate rule the pacing keeps (US-TSR, UK-Ofcom...)';
comment on column dw_campaigns.machine_action is 'What is done on an answering machine: HANGUP or MESSAGE';
comment on column dw_campaigns.recording is 'Call recording policy: inherit, always, never, on-demand';
comment on column dw_campaigns.changed_at is 'Last change of definition or status (UTC)';
comment on column dw_campaigns.changed_by is 'The console user who made it';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_campaign_attempts as
select a.campaign_id                                                                    as campaign_id,
       a.attempt_id                                                                     as attempt_id,
       a.contact_id                                                                     as contact_id,
       a.number                                                                         as number,
       a.placed_at                                                                      as placed_at,
       a.answered_at                                                                    as answered_at,
       a.connected_at                                                                   as connected_at,
       a.ended_at                                                                       as ended_at,
       cast(to_char(a.placed_at at time zone z.zone, 'YYYY-MM-DD') as date)             as placed_local_date,
       cast(extract(epoch from a.answered_at) - extract(epoch from a.placed_at) as double precision)
                                                                                        as ring_seconds,
       a.talk_seconds                                                                   as talk_seconds,
       a.outcome                                                                        as outcome,
       a.agent_id                                                                       as agent_id,
       a.interaction_id                                                                 as interaction_id,
       a.amd_false_positive                                                             as amd_false_positive,
       a.converted                                                                      as converted
from dialer_attempts a cross join dw_report_zone z;

comment on view dw_campaign_attempts is 'Every dial of every campaign and how it ended. Exported under the day it was placed';
comment on column dw_campaign_attempts.campaign_id is 'The campaign (dw_campaigns.campaign_id); (campaign_id, attempt_id) is the key';
comment on column dw_campaign_attempts.attempt_id is 'The attempt''s number within the campaign';
comment on column dw_campaign_attempts.contact_id is 'The call-list contact dialled';
comment on column dw_campaign_attempts.number is 'The number dialled (E.164)';
comment on column dw_campaign_attempts.placed_at is 'When the dial was placed (UTC)';
comment on column dw_campaign_attempts.answered_at is 'When the far end answered (UTC); null if it did not';
comment on column dw_campaign_attempts.connected_at is 'When a live answer reached an agent (UTC); null if it did not';
comment on column dw_campaign_attempts.ended_at is 'When the attempt ended (UTC); null while in progress';
comment on column dw_campaign_attempts.placed_local_date is 'placed_at''s date in the report zone';
comment on column dw_campaign_attempts.ring_seconds is 'Seconds from placed to answered; null if not answered';
comment on column dw_campaign_attempts.talk_seconds is 'Seconds from connected to hang-up (0 if never connected)';
comment on column dw_campaign_attempts.outcome is 'CONNECTED, ABANDONED, BUSY, NO_ANSWER, MACHINE or FAILED; null while in progress';
comment on column dw_campaign_attempts.agent_id is 'The agent offered the call; null if none';
comment on column dw_campaign_attempts.interaction_id is 'The interaction record of the call (dw_interactions); null until known';
comment on column dw_campaign_attempts.amd_false_positive is 'A machine verdict counted as a live person (estimated share of machine verdicts)';
comment on column dw_campaign_attempts.converted is 'The call''s disposition was a conversion (dialer.conversionCodes)';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_customer_scores as
select s.customer_id                                                                    as customer_id,
       s.name                                                                           as score_name,
       s.score                                                                          as score,
       s.computed_at                                                                    as computed_at,
       s.reasons                                                                        as reasons,
       c.segment                                                                        as customer_segment
from customer_scores s
join customers c on c.id = s.customer_id;

comment on view dw_customer_scores is 'Each customer''s current scores; exported whole each day (a snapshot), under the last closed day';
comment on column dw_customer_scores.customer_id is 'The customer (dw_interactions.customer_id); (customer_id, score_name) is the key';
comment on column dw_customer_scores.score_name is 'value, loyalty, churnRisk or propensity_<product>';
comment on column dw_customer_scores.score is '0 to 1';
comment on column dw_customer_scores.computed_at is 'When the score was computed (UTC); null for scores written before times were kept';
comment on column dw_customer_scores.reasons is 'The top reasons, comma-separated (features that raised the score most)';
comment on column dw_customer_scores.customer_segment is 'The customer''s segment, as call lists filter on it';

-- ---------------------------------------------------------------------------------------------------------------
create view dw_quality_evaluations as
select q.id                                                                             as evaluation_id,
       q.interaction_id                                                                 as interaction_id,
       q.agent_id                                                                       as agent_id,
       q.queue                                                                          as queue,
       q.evaluator                                                                      as evaluator,
       q.form_id                                                                        as form_id,
       q.form_version                                                                   as form_version,
       cast(q.score as double precision)                                                as score,
       q.failed                                                                         as failed,
       q.points                                                                         as points,
       q.possible                                                                       as possible,
       q.created_at                                                                     as created_at,
       cast(to_char(q.created_at at time zone z.zone, 'YYYY-MM-DD') as date)            as created_local_date
from quality_evaluations q cross join dw_report_zone z;

comment on view dw_quality_evaluations is 'Supervisors'' quality evaluations of agents'' calls. Exported under the day the evaluation was made';
comment on column dw_quality_evaluations.evaluation_id is 'The evaluation''s id; the key of this view';
comment on column dw_quality_evaluations.interaction_id is 'The call evaluated (dw_interactions.interaction_id)';
comment on column dw_quality_evaluations.agent_id is 'The agent evaluated';
comment on column dw_quality_evaluations.queue is 'The call''s queue; empty when none';
comment on column dw_quality_evaluations.evaluator is 'The supervisor who evaluated';
comment on column dw_quality_evaluations.form_id is 'The evaluation form';
comment on column dw_quality_evaluations.form_version is 'The form''s version used';
comment on column dw_quality_evaluations.score is 'Weighted share of points, 0 to 100 (0 when failed on a critical item)';
comment on column dw_quality_evaluations.failed is 'A critical item failed the whole form';
comment on column dw_quality_evaluations.points is 'Points earned';
comment on column dw_quality_evaluations.possible is 'Points possible (answers N/A left out)';
comment on column dw_quality_evaluations.created_at is 'When the evaluation was saved (UTC)';
comment on column dw_quality_evaluations.created_local_date is 'created_at''s date in the report zone';
