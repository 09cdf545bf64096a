// For the root `tsc` run, which type-checks test/ but does not understand .vue files (vue-tsc checks those).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
