-- Offers made by agents on a call (the next-best offer on the screen-pop): which call and agent made the offer and
-- what the customer answered. Rows written before this version (imports) keep their meaning: the three columns stay
-- null and accepted says whether the product was taken.

-- the interaction the offer was made on; null for imported offers
alter table customer_offers add column interaction_id varchar(64);
-- the agent who made the offer; null for imported offers
alter table customer_offers add column agent_id varchar(128);
-- offered (the agent made the offer, no answer yet: not counted by offer propensity), accepted or declined
alter table customer_offers add column outcome varchar(16);
create index customer_offers_interaction_idx on customer_offers (interaction_id);
