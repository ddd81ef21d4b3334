-- A campaign's call recording policy for its calls the ACD joins to agents: inherit (the queue's), always, never or
-- on-demand. Campaigns saved before keep their queue's policy.
alter table dialer_campaigns add column recording varchar(16) not null default 'inherit';
