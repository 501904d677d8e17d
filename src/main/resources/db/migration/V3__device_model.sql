-- Which sensor model's byte decoder read a device's latest raw frame, and how that model was known (config,
-- version_ids, device_profile, oui, frame): for the admin's list of devices seen but not placed in the school file.
ALTER TABLE device ADD COLUMN model VARCHAR(64);
ALTER TABLE device ADD COLUMN model_source VARCHAR(32);
