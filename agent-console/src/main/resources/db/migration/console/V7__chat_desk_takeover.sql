-- A chat's desk is the node its visitor's socket reached; another node takes the chat over when that node dies or
-- when the visitor comes back there. What it needs beyond the transcript: the hash of the visitor's token (the token
-- itself stays with the visitor's page), the visitor's address (the per-address limit), whether the chat waits for
-- an agent, and which node's desk has it now.
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.

alter table chats add column token_hash varchar(64) not null default '';
alter table chats add column visitor_address varchar(100) not null default '';
alter table chats add column waiting boolean not null default true;
alter table chats add column desk_node varchar(100) not null default '';

create index chats_by_token on chats (token_hash);
