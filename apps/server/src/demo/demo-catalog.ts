/** What the demo store sells: enough variety for filters and kits to mean something, small enough to read. */
export interface DemoProduct {
  sku: string;
  name: string;
  onHand: number;
  /** Products whose Auto Sync starts off, so the admin shows both states. */
  autoSync: boolean;
  components?: { sku: string; quantity: number }[];
}

export const DEMO_STORE_NAME = 'Demo store';
export const DEMO_CHANNEL_NAME = 'Demo web store';
export const DEMO_TOKEN_NAME = 'demo (recreated at each start)';

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'MUG-WHT', name: 'Stoneware mug, white', onHand: 48, autoSync: true },
  { sku: 'MUG-BLK', name: 'Stoneware mug, black', onHand: 31, autoSync: true },
  { sku: 'LID-BAMB', name: 'Bamboo mug lid', onHand: 60, autoSync: true },
  { sku: 'TEA-GRN', name: 'Green tea tin, 100 g', onHand: 25, autoSync: true },
  { sku: 'TEE-S', name: 'Organic tee, size S', onHand: 12, autoSync: true },
  { sku: 'TEE-M', name: 'Organic tee, size M', onHand: 20, autoSync: true },
  { sku: 'TEE-L', name: 'Organic tee, size L', onHand: 9, autoSync: true },
  { sku: 'CAP-NAVY', name: 'Baseball cap, navy', onHand: 17, autoSync: true },
  { sku: 'TOTE-NAT', name: 'Canvas tote, natural', onHand: 40, autoSync: true },
  { sku: 'NOTE-A5', name: 'Dotted notebook A5', onHand: 75, autoSync: true },
  { sku: 'PEN-BLK', name: 'Gel pen, black', onHand: 120, autoSync: true },
  { sku: 'STK-PACK', name: 'Sticker pack (8)', onHand: 90, autoSync: true },
  { sku: 'BTL-STEEL', name: 'Steel bottle, 750 ml', onHand: 14, autoSync: true },
  { sku: 'SOCK-STR', name: 'Striped socks', onHand: 33, autoSync: true },
  { sku: 'CANDLE-CED', name: 'Cedar candle', onHand: 7, autoSync: true },
  { sku: 'COAST-4', name: 'Cork coasters (4)', onHand: 22, autoSync: true },
  { sku: 'POST-CITY', name: 'City poster, 50×70', onHand: 5, autoSync: false },
  { sku: 'BOX-GIFT', name: 'Gift box', onHand: 6, autoSync: false },
  {
    sku: 'KIT-MORNING',
    name: 'Morning kit (mug, tea, lid)',
    onHand: 0,
    autoSync: true,
    components: [
      { sku: 'MUG-WHT', quantity: 1 },
      { sku: 'TEA-GRN', quantity: 1 },
      { sku: 'LID-BAMB', quantity: 1 },
    ],
  },
  {
    sku: 'KIT-DESK',
    name: 'Desk kit (notebook, 2 pens, stickers)',
    onHand: 0,
    autoSync: true,
    components: [
      { sku: 'NOTE-A5', quantity: 1 },
      { sku: 'PEN-BLK', quantity: 2 },
      { sku: 'STK-PACK', quantity: 1 },
    ],
  },
];
