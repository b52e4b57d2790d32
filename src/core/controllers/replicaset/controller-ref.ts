/**
 * Controller references: the one ownerReference with `controller: true` that says who manages an object
 * (apimachinery metav1.GetControllerOf, k8s@1.28 pkg/controller/controller_utils.go NewControllerRef).
 */
import type {KubeObject, OwnerReference, StoredObject} from '../../api/types.js'

/** The reference of the object's managing controller, if it has one. */
export function controllerRefOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((reference) => reference.controller === true)
}

/** The reference a controller puts on what it creates or adopts; blockOwnerDeletion serves foreground deletes. */
export function newControllerRef(owner: StoredObject, apiVersion: string): OwnerReference {
  return {
    apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  }
}
