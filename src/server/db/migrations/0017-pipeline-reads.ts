/**
 * The pipeline's reads (src/server/modules/pipeline): the board takes a cycle's open
 * opportunities, the outcomes the closed ones of a date range, the campaign figures a campaign's
 * opportunities; each gets an index that starts where the read starts.
 */
export const pipelineReads = `
CREATE INDEX opportunity_open_cycle ON opportunity (tenant_id, sales_cycle_code, no) WHERE NOT closed;
CREATE INDEX opportunity_closed_date ON opportunity (tenant_id, date_closed) WHERE closed;
CREATE INDEX opportunity_campaign ON opportunity (tenant_id, campaign_no) WHERE campaign_no <> '';
`;
