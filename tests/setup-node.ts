// No test may reach a real credential chain or the ECS metadata address.
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
