-- Every node's chat desk asks now and then which open chats other nodes' desks have (to take over those of a node
-- that died): an index of the open chats, so that question does not read every chat ever held.
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.

create index chats_open_by_desk on chats (ended_at, desk_node);
