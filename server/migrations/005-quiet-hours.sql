-- Quiet hours, one switch per channel and lines used by children (issue 14, parts 1 and 2).
-- channels_off: true turns a channel off for every topic and sender (the topic choices are kept).
-- quiet_hours: when marketing (and, separately, service) calls and texts may not be made, in time_zone.
ALTER TABLE initial_preferences
  ADD COLUMN channels_off json NOT NULL
    DEFAULT '{"email":false,"sms":false,"phone":false,"post":false,"app":false}',
  ADD COLUMN quiet_hours json NOT NULL
    DEFAULT '{"marketing":{"notBefore":null,"notAfter":null,"days":{"mon":false,"tue":false,"wed":false,"thu":false,"fri":false,"sat":false,"sun":false}},"service":{"notBefore":null,"notAfter":null,"days":{"mon":false,"tue":false,"wed":false,"thu":false,"fri":false,"sat":false,"sun":false}}}',
  ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/London';
ALTER TABLE current_preferences
  ADD COLUMN channels_off json NOT NULL
    DEFAULT '{"email":false,"sms":false,"phone":false,"post":false,"app":false}',
  ADD COLUMN quiet_hours json NOT NULL
    DEFAULT '{"marketing":{"notBefore":null,"notAfter":null,"days":{"mon":false,"tue":false,"wed":false,"thu":false,"fri":false,"sat":false,"sun":false}},"service":{"notBefore":null,"notAfter":null,"days":{"mon":false,"tue":false,"wed":false,"thu":false,"fri":false,"sat":false,"sun":false}}}',
  ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/London';

-- The line a call or text went to.
ALTER TABLE send_attempts ADD COLUMN line_id text;

-- The database's own suppression (002) now also refuses a marketing send recorded as allowed when
-- its channel is switched off, when a call or text falls in quiet hours, or when it went to a line
-- used by someone under 18.
CREATE OR REPLACE FUNCTION refuse_send_against_choices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prefs current_preferences%ROWTYPE;
  quiet json;
  local_time text;
  local_day text;
  child boolean;
BEGIN
  IF NOT NEW.allowed THEN
    RETURN NEW;
  END IF;
  SELECT * INTO prefs FROM current_preferences WHERE account_id = NEW.account_id;
  IF NOT FOUND
     OR coalesce((prefs.marketing -> NEW.topic ->> NEW.channel)::boolean, false) IS NOT TRUE
     OR coalesce((prefs.channels_off ->> NEW.channel)::boolean, false)
     OR coalesce((prefs.senders ->> NEW.sender)::boolean, false) IS NOT TRUE
     OR (prefs.paused_until IS NOT NULL AND to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') <= prefs.paused_until) THEN
    RAISE EXCEPTION 'marketing to % on % about % is against their choices', NEW.account_id, NEW.channel, NEW.topic
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.channel IN ('phone', 'sms') THEN
    quiet := prefs.quiet_hours -> 'marketing';
    local_time := to_char(NEW.at AT TIME ZONE prefs.time_zone, 'HH24:MI');
    local_day := lower(to_char(NEW.at AT TIME ZONE prefs.time_zone, 'Dy'));
    IF coalesce((quiet -> 'days' ->> local_day)::boolean, false)
       OR (quiet ->> 'notBefore' IS NOT NULL AND local_time < quiet ->> 'notBefore')
       OR (quiet ->> 'notAfter' IS NOT NULL AND local_time > quiet ->> 'notAfter') THEN
      RAISE EXCEPTION 'marketing % to % at % is in their quiet hours', NEW.channel, NEW.account_id, local_time
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW.line_id IS NOT NULL THEN
    SELECT p.date_of_birth::date > (NEW.at AT TIME ZONE 'Europe/London')::date - interval '18 years' INTO child
      FROM lines l JOIN people p ON p.id = l.user_person_id WHERE l.id = NEW.line_id;
    IF coalesce(child, false) THEN
      RAISE EXCEPTION 'marketing to line % is to someone under 18', NEW.line_id USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
